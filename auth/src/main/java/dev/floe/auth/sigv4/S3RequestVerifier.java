package dev.floe.auth.sigv4;

import dev.floe.auth.AuthenticationException;
import dev.floe.auth.CredentialStore;
import dev.floe.auth.SignedRequest;
import java.time.Clock;

/** Verifies S3 requests (signing name "s3"): Authorization header or presigned query. */
public final class S3RequestVerifier {

  public S3RequestVerifier(CredentialStore credentials, Clock clock) {}

  public S3Authentication authenticate(SignedRequest request) throws AuthenticationException {
    throw new UnsupportedOperationException();
  }
}
