package dev.floe.cli;

import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Parameters;

/** A command that talks to the catalog of the server its first argument names. */
abstract class CatalogCommand extends ClientCommand {
  @Parameters(
      index = "0",
      paramLabel = "ALIAS",
      description = "Alias of the Floe server (see 'floe alias list').")
  String alias;

  @Override
  public final Integer call() {
    run(new CatalogClient(aliases().require(alias)), output());
    return ExitCode.OK;
  }

  abstract void run(CatalogClient catalog, Output output);
}
