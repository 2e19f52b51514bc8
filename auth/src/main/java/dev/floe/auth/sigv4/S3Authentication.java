package dev.floe.auth.sigv4;

import dev.floe.auth.Principal;
import java.io.InputStream;
import java.util.Map;
import java.util.OptionalLong;

/** The outcome of authenticating an S3 request's headers; the body is verified as it streams. */
public final class S3Authentication {

  public Principal principal() {
    throw new UnsupportedOperationException();
  }

  public PayloadMode payloadMode() {
    throw new UnsupportedOperationException();
  }

  public OptionalLong decodedContentLength() {
    throw new UnsupportedOperationException();
  }

  public Map<String, String> checksums() {
    throw new UnsupportedOperationException();
  }

  public InputStream verifiedBody(InputStream wireBody) {
    throw new UnsupportedOperationException();
  }
}
