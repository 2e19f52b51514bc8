package dev.floe.auth;

/** A request that failed SigV4 authentication; the message is safe to show the client. */
public class AuthenticationException extends Exception {

  private final AuthFailure failure;

  public AuthenticationException(AuthFailure failure, String message) {
    super(message);
    this.failure = failure;
  }

  public AuthFailure failure() {
    return failure;
  }
}
