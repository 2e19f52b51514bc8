package dev.floe.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options of every client command. Mixed into the {@code alias} and {@code table} groups and
 * inherited by all their subcommands, so they may be written anywhere after the group name; they
 * are not offered to {@code serve}, where they would mean nothing.
 */
public final class GlobalOptions {
  static final String MIXIN_NAME = "globalOptions";

  @Option(
      names = "--json",
      scope = ScopeType.INHERIT,
      description = "Print one JSON document on stdout, for scripts.")
  boolean json;

  @Option(
      names = "--config-dir",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      defaultValue = "${env:FLOE_CONFIG_DIR:-${sys:user.home}${sys:file.separator}.floe}",
      description =
          "Directory of config.json with the aliases (env FLOE_CONFIG_DIR; default:"
              + " ${DEFAULT-VALUE}).")
  Path configDir;

  public boolean json() {
    return json;
  }

  public Path configDir() {
    return configDir;
  }
}
