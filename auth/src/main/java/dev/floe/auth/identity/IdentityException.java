package dev.floe.auth.identity;

/** An identity operation that cannot be done; the message is safe to show the caller. */
public final class IdentityException extends RuntimeException {

  /** Why, in terms an HTTP API maps to a status. */
  public enum Reason {
    NOT_FOUND,
    ALREADY_EXISTS,
    INVALID,
    IN_USE,
    CONFLICT
  }

  private final Reason reason;

  public IdentityException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
