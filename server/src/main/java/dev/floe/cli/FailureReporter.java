package dev.floe.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports every failure as one line on stderr, {@code floe: <message>}: usage mistakes with a
 * pointer to the command's help (exit 2), everything else with exit 1. No stack trace reaches the
 * user.
 */
final class FailureReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {

  @Override
  public int handleParseException(ParameterException error, String[] args) {
    CommandLine command = error.getCommandLine();
    StringBuilder message = new StringBuilder(error.getMessage());
    if (error instanceof UnmatchedArgumentException unmatched
        && !unmatched.getSuggestions().isEmpty()) {
      message.append("; did you mean ").append(String.join(" or ", unmatched.getSuggestions()));
      message.append('?');
    }
    message.append(" (see '").append(command.getCommandSpec().qualifiedName()).append(" --help')");
    report(command, message.toString());
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }

  @Override
  public int handleExecutionException(
      Exception error, CommandLine command, ParseResult parseResult) {
    String message =
        error instanceof CliException
            ? error.getMessage()
            : "unexpected " + error.getClass().getSimpleName() + ": " + error.getMessage();
    report(command, message);
    return command.getCommandSpec().exitCodeOnExecutionException();
  }

  private static void report(CommandLine command, String message) {
    command.getErr().println("floe: " + message.replaceAll("\\s*\\R\\s*", " ").strip());
    command.getErr().flush();
  }
}
