package dev.floe.cli;

import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Parameters;

/** A command of {@code floe admin} that talks to the admin API of the server its alias names. */
abstract class AdminScopedCommand extends ClientCommand {
  @Parameters(
      index = "0",
      paramLabel = "ALIAS",
      description = "Alias of the Floe server (see 'floe alias list').")
  String alias;

  @Override
  public final Integer call() {
    run(new AdminClient(aliases().require(alias)), output());
    return ExitCode.OK;
  }

  abstract void run(AdminClient admin, Output output);
}
