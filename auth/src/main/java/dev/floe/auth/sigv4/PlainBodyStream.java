package dev.floe.auth.sigv4;

import dev.floe.auth.AuthFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A body sent as it is (not aws-chunked): counts it against {@code Content-Length} and, when the
 * client signed its SHA-256, hashes it; both are checked before the end is reported.
 */
final class PlainBodyStream extends InputStream {

  private final InputStream wire;
  private final OptionalLong contentLength;
  private final Optional<String> expectedSha256;
  private final MessageDigest digest = Sha256.newDigest();
  private long received;
  private BodyVerificationException failure;
  private boolean ended;

  PlainBodyStream(InputStream wire, OptionalLong contentLength, Optional<String> expectedSha256) {
    this.wire = wire;
    this.contentLength = contentLength;
    this.expectedSha256 = expectedSha256.map(hex -> hex.toLowerCase(Locale.ROOT));
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (failure != null) {
      throw failure;
    }
    if (ended) {
      return -1;
    }
    if (length == 0) {
      return 0;
    }
    int n = wire.read(buffer, offset, length);
    if (n < 0) {
      verifyEnd();
      ended = true;
      return -1;
    }
    received += n;
    if (expectedSha256.isPresent()) {
      digest.update(buffer, offset, n);
    }
    return n;
  }

  private void verifyEnd() throws BodyVerificationException {
    if (contentLength.isPresent() && received != contentLength.getAsLong()) {
      throw fail(
          AuthFailure.INCOMPLETE_BODY,
          "You did not provide the number of bytes specified by the Content-Length header: got "
              + received
              + " of "
              + contentLength.getAsLong()
              + ".");
    }
    if (expectedSha256.isPresent()) {
      String computed = HexFormat.of().formatHex(digest.digest());
      if (!MessageDigest.isEqual(
          computed.getBytes(StandardCharsets.US_ASCII),
          expectedSha256.get().getBytes(StandardCharsets.US_ASCII))) {
        throw fail(
            AuthFailure.CONTENT_SHA256_MISMATCH,
            "The provided x-amz-content-sha256 "
                + expectedSha256.get()
                + " does not match the SHA-256 of the body received, "
                + computed
                + ".");
      }
    }
  }

  private BodyVerificationException fail(AuthFailure reason, String message) {
    failure = new BodyVerificationException(reason, message);
    return failure;
  }

  @Override
  public void close() throws IOException {
    wire.close();
  }
}
