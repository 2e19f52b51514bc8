package dev.floe.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/** {@code floe alias}: the servers this client knows, kept like {@code mc alias} keeps them. */
@Command(
    name = "alias",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    sortOptions = false,
    versionProvider = FloeVersion.class,
    description =
        "Manage aliases: short names for Floe servers with the keys that sign requests to them,"
            + " kept in config.json in the config directory (file mode 600).",
    subcommands = {
      AliasCommand.SetAlias.class,
      AliasCommand.ListAliases.class,
      AliasCommand.RemoveAlias.class
    })
final class AliasCommand {
  @Mixin(name = GlobalOptions.MIXIN_NAME)
  GlobalOptions globalOptions;

  @Command(
      name = "set",
      description = "Add an alias, or replace the one with the same name.",
      footerHeading = "%nExample:%n",
      footer = "  floe alias set local http://127.0.0.1:9000 floeadmin floeadmin-secret")
  static final class SetAlias extends ClientCommand {
    @Parameters(index = "0", paramLabel = "ALIAS", description = "Name of the alias, e.g. local.")
    String name;

    @Parameters(
        index = "1",
        paramLabel = "URL",
        description = "Server URL, e.g. http://127.0.0.1:9000.")
    URI url;

    @Parameters(index = "2", paramLabel = "ACCESS_KEY", description = "Access key.")
    String accessKey;

    @Parameters(index = "3", paramLabel = "SECRET_KEY", description = "Secret key.")
    String secretKey;

    @Option(
        names = "--region",
        paramLabel = "REGION",
        defaultValue = Alias.DEFAULT_REGION,
        description = "Region to sign requests for (default: ${DEFAULT-VALUE}).")
    String region;

    @Override
    public Integer call() {
      Alias alias;
      try {
        alias = new Alias(name, url, accessKey, secretKey, region);
      } catch (IllegalArgumentException e) {
        throw usageError(e.getMessage());
      }
      aliases().put(alias);
      output()
          .emit(
              Output.success().setAll(describe(alias)),
              out -> out.println("Added alias '" + alias.name() + "' for " + alias.url() + "."));
      return ExitCode.OK;
    }
  }

  @Command(
      name = "list",
      aliases = "ls",
      description = "List the aliases (secret keys are never shown).")
  static final class ListAliases extends ClientCommand {
    @Override
    public Integer call() {
      List<Alias> all = aliases().list();
      ObjectNode document = Output.object();
      ArrayNode entries = document.putArray("aliases");
      all.forEach(alias -> entries.add(describe(alias)));
      TextTable table = TextTable.withColumns("ALIAS", "URL", "ACCESS KEY", "REGION");
      all.forEach(alias -> table.row(alias.name(), alias.url(), alias.accessKey(), alias.region()));
      output()
          .emit(
              document,
              out -> {
                if (all.isEmpty()) {
                  out.println(
                      "No aliases yet: add one with 'floe alias set ALIAS URL ACCESS_KEY"
                          + " SECRET_KEY'.");
                } else {
                  table.print(out, "");
                }
              });
      return ExitCode.OK;
    }
  }

  @Command(name = "remove", aliases = "rm", description = "Remove an alias.")
  static final class RemoveAlias extends ClientCommand {
    @Parameters(index = "0", paramLabel = "ALIAS", description = "Alias to remove.")
    String name;

    @Override
    public Integer call() {
      if (!aliases().remove(name)) {
        throw new CliException("unknown alias '" + name + "'");
      }
      output()
          .emit(
              Output.success().put("alias", name),
              out -> out.println("Removed alias '" + name + "'."));
      return ExitCode.OK;
    }
  }

  private static ObjectNode describe(Alias alias) {
    return Output.object()
        .put("alias", alias.name())
        .put("url", alias.url().toString())
        .put("accessKey", alias.accessKey())
        .put("region", alias.region());
  }
}
