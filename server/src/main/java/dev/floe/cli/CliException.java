package dev.floe.cli;

/**
 * A failure the user can act on: reported as one line on stderr with exit status 1, never with a
 * stack trace.
 */
public class CliException extends RuntimeException {

  public CliException(String message) {
    super(message);
  }

  public CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
