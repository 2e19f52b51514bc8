package dev.floe.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.auth.AuthFailure;
import dev.floe.auth.StaticCredentialStore;
import dev.floe.auth.sigv4.SdkSigning.Signed;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * The contract a streaming proxy relies on: the last byte of the payload is delivered only after
 * every end-of-body check has passed, so a body that fails verification never reaches the backend
 * complete.
 */
class VerifiedBodyWithholdingTest {

  private static final S3RequestVerifier VERIFIER =
      new S3RequestVerifier(
          StaticCredentialStore.root(SdkSigning.ACCESS_KEY, SdkSigning.SECRET_KEY),
          Clock.fixed(SdkSigning.NOW, ZoneOffset.UTC));

  /** A wire body that remembers whether its end has been reached. */
  private static final class ObservedWire extends FilterInputStream {
    private boolean endReached;

    ObservedWire(byte[] bytes) {
      super(new ByteArrayInputStream(bytes));
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      endReached |= b < 0;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      endReached |= n < 0;
      return n;
    }
  }

  private static Signed signedTrailerUpload(byte[] payload) {
    return SdkSigning.s3(SdkHttpMethod.PUT, "k")
        .payload(payload)
        .chunked(DefaultChecksumAlgorithm.CRC32)
        .sign();
  }

  @Test
  void theLastPayloadByteArrivesOnlyAfterTheWholeWireBodyHasBeenVerified() throws Exception {
    byte[] payload = new byte[300_000];
    new Random(7).nextBytes(payload);
    Signed signed = signedTrailerUpload(payload);
    ObservedWire wire = new ObservedWire(signed.wire());
    InputStream body = VERIFIER.authenticate(signed.asReceived()).verifiedBody(wire);

    byte[] buffer = new byte[8192];
    int delivered = 0;
    int n;
    while ((n = body.read(buffer)) > 0) {
      delivered += n;
      if (delivered < payload.length) {
        assertThat(wire.endReached).as("wire end reached after %d bytes", delivered).isFalse();
      }
    }

    assertThat(delivered).isEqualTo(payload.length);
    assertThat(wire.endReached).isTrue();
  }

  private static String crc32Of(String data) {
    CRC32 crc = new CRC32();
    crc.update(data.getBytes(StandardCharsets.US_ASCII));
    return Base64.getEncoder()
        .encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  @Test
  void aForgedTrailerFailsBeforeTheLastByteIsDelivered() throws Exception {
    Signed signed = signedTrailerUpload("hello".getBytes(StandardCharsets.UTF_8));
    String wire = new String(signed.wire(), StandardCharsets.US_ASCII);
    assertThat(wire).contains("x-amz-checksum-crc32:" + crc32Of("hello"));
    String trailer = "x-amz-checksum-crc32:" + crc32Of("hello");
    byte[] forged =
        wire.replace(trailer, "x-amz-checksum-crc32:" + crc32Of("jello"))
            .getBytes(StandardCharsets.US_ASCII);
    InputStream body =
        VERIFIER.authenticate(signed.asReceived()).verifiedBody(new ByteArrayInputStream(forged));
    ByteArrayOutputStream forwarded = new ByteArrayOutputStream();

    assertThatThrownBy(() -> body.transferTo(forwarded))
        .isInstanceOfSatisfying(
            BodyVerificationException.class,
            e -> assertThat(e.failure()).isEqualTo(AuthFailure.SIGNATURE_MISMATCH));
    assertThat(forwarded.toString(StandardCharsets.US_ASCII)).isEqualTo("hell");
  }

  @Test
  void byteByByteReadersAreHeldBackTheSameWay() throws Exception {
    Signed signed = signedTrailerUpload("hello".getBytes(StandardCharsets.UTF_8));
    byte[] forged = signed.wire().clone();
    int signatureStart =
        new String(forged, StandardCharsets.US_ASCII).indexOf("x-amz-trailer-signature:") + 24;
    forged[signatureStart] = (byte) (forged[signatureStart] == '0' ? '1' : '0');
    InputStream body =
        VERIFIER.authenticate(signed.asReceived()).verifiedBody(new ByteArrayInputStream(forged));
    StringBuilder forwarded = new StringBuilder();

    assertThatThrownBy(
            () -> {
              int b;
              while ((b = body.read()) >= 0) {
                forwarded.append((char) b);
              }
            })
        .isInstanceOf(BodyVerificationException.class);
    assertThat(forwarded).hasToString("hell");
  }

  @Test
  void aSignedPayloadWhoseDigestDiffersFailsBeforeTheLastByte() throws Exception {
    Signed signed =
        SdkSigning.s3(SdkHttpMethod.PUT, "k")
            .payload("hello".getBytes(StandardCharsets.UTF_8))
            .sign();
    InputStream body =
        VERIFIER
            .authenticate(signed.asReceived())
            .verifiedBody(new ByteArrayInputStream("jello".getBytes(StandardCharsets.UTF_8)));
    ByteArrayOutputStream forwarded = new ByteArrayOutputStream();

    assertThatThrownBy(() -> body.transferTo(forwarded))
        .isInstanceOfSatisfying(
            BodyVerificationException.class,
            e -> assertThat(e.failure()).isEqualTo(AuthFailure.CONTENT_SHA256_MISMATCH));
    assertThat(forwarded.toString(StandardCharsets.US_ASCII)).isEqualTo("jell");
  }

  @Test
  void aFailureIsReportedAgainOnEveryLaterRead() throws Exception {
    Signed signed =
        SdkSigning.s3(SdkHttpMethod.PUT, "k")
            .payload("hello".getBytes(StandardCharsets.UTF_8))
            .sign();
    InputStream body =
        VERIFIER
            .authenticate(signed.asReceived())
            .verifiedBody(new ByteArrayInputStream("jello".getBytes(StandardCharsets.UTF_8)));

    assertThatThrownBy(body::readAllBytes).isInstanceOf(BodyVerificationException.class);
    assertThatThrownBy(body::read).isInstanceOf(BodyVerificationException.class);
  }
}
