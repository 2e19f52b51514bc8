package dev.floe.auth.sigv4;

import dev.floe.auth.AuthFailure;
import java.io.IOException;

/**
 * Thrown from a verified body's {@code read()} when the body fails verification. It is an {@link
 * IOException} so that it travels through stream copying code unchanged; the message is safe to
 * show the client.
 */
public final class BodyVerificationException extends IOException {

  private final AuthFailure failure;

  public BodyVerificationException(AuthFailure failure, String message) {
    super(message);
    this.failure = failure;
  }

  public AuthFailure failure() {
    return failure;
  }
}
