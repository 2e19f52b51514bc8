package dev.floe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code floe admin accesskey}: further access keys of a user, each optionally restricted. */
@Command(
    name = "accesskey",
    description = "Create, list and remove access keys.",
    subcommands = {
      AdminAccessKeyCommand.CreateAccessKey.class,
      AdminAccessKeyCommand.ListAccessKeys.class,
      AdminAccessKeyCommand.RemoveAccessKey.class
    })
final class AdminAccessKeyCommand {

  @Command(
      name = "create",
      description = "Create an access key for USER; the secret is shown only this once.",
      footerHeading = "%nExample:%n",
      footer = "  floe admin accesskey create local alice --policy alice-readonly.json")
  static final class CreateAccessKey extends AdminScopedCommand {
    @Parameters(index = "1", paramLabel = "USER", description = "The user who owns the key.")
    String user;

    @Option(names = "--access-key", description = "The key's id (default: generated).")
    String accessKey;

    @Option(names = "--secret-key", description = "The key's secret (default: generated).")
    String secretKey;

    @Option(
        names = "--policy",
        paramLabel = "FILE",
        description = "An IAM policy that narrows what requests signed with this key may do.")
    Path policy;

    @Override
    void run(AdminClient admin, Output output) {
      ObjectNode body = AdminClient.body().put("user", user);
      if (accessKey != null) {
        body.put("access-key", accessKey);
      }
      if (secretKey != null) {
        body.put("secret-key", secretKey);
      }
      if (policy != null) {
        body.put("session-policy", PolicyFile.read(policy));
      }
      JsonNode key = admin.post(body, "access-keys");
      output.emit(key, out -> {
        out.println("Access Key: " + key.get("access-key").asText());
        out.println("Secret Key: " + key.get("secret-key").asText());
      });
    }
  }

  @Command(name = "list", aliases = "ls", description = "List access keys, of one user or of all.")
  static final class ListAccessKeys extends AdminScopedCommand {
    @Parameters(index = "1", arity = "0..1", paramLabel = "USER", description = "Only this user's keys.")
    String user;

    @Override
    void run(AdminClient admin, Output output) {
      JsonNode keys =
          user == null ? admin.get("access-keys") : admin.getWithQuery("user=" + AdminClient.encode(user), "access-keys");
      TextTable table = TextTable.withColumns("ACCESS KEY", "USER", "STATUS", "RESTRICTED", "CREATED");
      keys.get("access-keys").forEach(k -> table.row(
          k.get("access-key").asText(), k.get("user").asText(), AdminUserCommand.status(k),
          k.has("session-policy") ? "yes" : "no", k.get("created").asText()));
      output.emit(keys, out -> {
        if (keys.get("access-keys").isEmpty()) {
          out.println("No access keys on '" + alias + "'.");
        } else {
          table.print(out, "");
        }
      });
    }
  }

  @Command(name = "remove", aliases = "rm", description = "Remove an access key.")
  static final class RemoveAccessKey extends AdminScopedCommand {
    @Parameters(index = "1", paramLabel = "ACCESSKEY", description = "The access key.")
    String accessKey;

    @Override
    void run(AdminClient admin, Output output) {
      admin.delete("access-keys", accessKey);
      output.emit(Output.success().put("access-key", accessKey),
          out -> out.println("Removed access key '" + accessKey + "'."));
    }
  }
}
