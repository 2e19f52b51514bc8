package dev.floe.s3;

import dev.floe.auth.Principal;

/**
 * A check run after authentication and classification, before anything reaches the backend.
 * Policies and the integrity guard plug in here. Implementations must be thread-safe and must not
 * block on I/O for long: they run on the request thread.
 */
@FunctionalInterface
public interface S3AccessCheck {

  /**
   * Returns normally to let the request through; throws to refuse it, with 403 AccessDenied
   * ({@link S3AccessDeniedException}) or another S3 error (e.g. 503 when the check cannot decide).
   */
  void check(Principal principal, S3Request request) throws S3ErrorException;
}
