package dev.floe.cli;

import dev.floe.server.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The {@code floe} executable: {@code floe serve} runs the server, {@code floe alias} and {@code
 * floe table} and {@code floe admin} manage servers from the command line the way MinIO's {@code
 * mc} does.
 */
@Command(
    name = "floe",
    mixinStandardHelpOptions = true,
    versionProvider = FloeVersion.class,
    usageHelpAutoWidth = true,
    description =
        "Iceberg tables on any S3-compatible object store: one server speaks the S3 API and,"
            + " under /_iceberg, the Iceberg REST catalog API, keeping the whole catalog in the"
            + " store.",
    subcommands = {
      ServeCommand.class, AliasCommand.class, TableCommand.class, AdminCommand.class, HelpCommand.class
    },
    footerHeading = "%nGetting started:%n",
    footer = {
      "  floe serve",
      "  floe alias set local http://127.0.0.1:9000 ACCESS_KEY SECRET_KEY",
      "  floe table warehouse create local analytics",
      "  floe table namespace create local analytics sales",
      "  floe table create local analytics sales orders --schema '<schema JSON>'",
      "  floe table list local analytics sales",
      "",
      "Add --json to any alias or table command for output meant for scripts.",
      "Run 'floe COMMAND --help' for more on a command."
    })
public final class FloeCli {

  public static void main(String... args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with Floe's one-line error reporting; tests run commands through this. */
  public static CommandLine commandLine() {
    FailureReporter failures = new FailureReporter();
    return new CommandLine(new FloeCli())
        .setParameterExceptionHandler(failures)
        .setExecutionExceptionHandler(failures);
  }
}
