package dev.floe.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.auth.AuthFailure;
import dev.floe.auth.AuthenticationException;
import dev.floe.auth.SignedRequest;
import dev.floe.auth.StaticCredentialStore;
import dev.floe.auth.sigv4.SdkSigning.Signed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * Requests signed by the AWS SDK for Java v2's own SigV4 signer, the one S3 clients use, verify;
 * the same requests with one bit flipped do not.
 */
class SdkSignerCrossCheckTest {

  private static final S3RequestVerifier VERIFIER =
      new S3RequestVerifier(
          StaticCredentialStore.root(SdkSigning.ACCESS_KEY, SdkSigning.SECRET_KEY),
          Clock.fixed(SdkSigning.NOW, ZoneOffset.UTC));

  private static final List<String> KEYS =
      List.of(
          "plain.txt",
          "with space.txt",
          "unicodé/ключ/日本語.parquet",
          "emoji-\uD83D\uDE00.bin",
          "a+b=c&d.txt",
          "100%.txt",
          "literal%2Fpercent",
          "a//b/../c",
          "./dot/./segments/..",
          "trailing/",
          "~tilde_-.ok",
          "!$'()*,;:@[]");

  private static final List<List<String>> QUERIES =
      List.of(
          List.of(),
          List.of("list-type", "2", "prefix", "a b+c/d", "delimiter", "/"),
          List.of("versionId", "", "uploads", ""),
          List.of("prefix", "é=&?#", "max-keys", "1000", "encoding-type", "url"),
          List.of("z", "1", "a", "2", "a", "1"));

  private static final String SPACED_HEADER = "  spaced   out  value ";

  private static byte[] readAll(S3Authentication authentication, byte[] wire) throws IOException {
    try (InputStream body = authentication.verifiedBody(new ByteArrayInputStream(wire))) {
      return body.readAllBytes();
    }
  }

  static Stream<Named<Signed>> headerSignedRequests() {
    List<Named<Signed>> requests = new ArrayList<>();
    for (String key : KEYS) {
      for (List<String> query : QUERIES) {
        requests.add(
            Named.of(
                "GET " + key + " ?" + query,
                SdkSigning.s3(SdkHttpMethod.GET, key)
                    .query(query)
                    .header("x-amz-meta-note", SPACED_HEADER)
                    .sign()));
      }
      byte[] payload = ("payload of " + key).getBytes(StandardCharsets.UTF_8);
      requests.add(
          Named.of(
              "signed PUT " + key,
              SdkSigning.s3(SdkHttpMethod.PUT, key)
                  .header("x-amz-meta-note", SPACED_HEADER)
                  .payload(payload)
                  .sign()));
      requests.add(
          Named.of(
              "unsigned PUT " + key,
              SdkSigning.s3(SdkHttpMethod.PUT, key)
                  .query(List.of("partNumber", "3", "uploadId", "x/y+z"))
                  .payload(payload)
                  .unsignedPayload()
                  .sign()));
    }
    return requests.stream();
  }

  @ParameterizedTest
  @MethodSource("headerSignedRequests")
  void headerSignedRequestsVerify(Signed signed) throws Exception {
    S3Authentication authentication = VERIFIER.authenticate(signed.asReceived());

    assertThat(authentication.principal().accessKeyId()).isEqualTo(SdkSigning.ACCESS_KEY);
    assertThat(readAll(authentication, signed.wire())).isEqualTo(signed.wire());
  }

  @ParameterizedTest
  @MethodSource("headerSignedRequests")
  void headerSignedRequestsWithAFlippedSignatureBitAreRefused(Signed signed) {
    SignedRequest received = signed.asReceived();
    List<Map.Entry<String, String>> headers = new ArrayList<>(received.headers());
    headers.replaceAll(
        h ->
            h.getKey().equalsIgnoreCase("Authorization")
                ? Map.entry(h.getKey(), flipLastHexDigit(h.getValue()))
                : h);

    assertRefused(
        new SignedRequest(received.method(), received.rawPath(), received.rawQuery(), headers),
        AuthFailure.SIGNATURE_MISMATCH);
  }

  @ParameterizedTest
  @MethodSource("headerSignedRequests")
  void headerSignedRequestsForAnotherKeyAreRefused(Signed signed) {
    SignedRequest received = signed.asReceived();

    assertRefused(
        new SignedRequest(
            received.method(), received.rawPath() + "x", received.rawQuery(), received.headers()),
        AuthFailure.SIGNATURE_MISMATCH);
  }

  static Stream<Named<Signed>> presignedRequests() {
    List<Named<Signed>> requests = new ArrayList<>();
    for (String key : KEYS) {
      for (List<String> query : QUERIES) {
        requests.add(
            Named.of(
                "presigned GET " + key + " ?" + query,
                SdkSigning.s3(SdkHttpMethod.GET, key)
                    .query(query)
                    .unsignedPayload()
                    .presigned(Duration.ofMinutes(10))
                    .sign()));
      }
      requests.add(
          Named.of(
              "presigned PUT " + key,
              SdkSigning.s3(SdkHttpMethod.PUT, key)
                  .header("x-amz-meta-note", SPACED_HEADER)
                  .payload("data".getBytes(StandardCharsets.UTF_8))
                  .unsignedPayload()
                  .presigned(Duration.ofDays(7))
                  .sign()));
    }
    return requests.stream();
  }

  @ParameterizedTest
  @MethodSource("presignedRequests")
  void presignedRequestsVerify(Signed signed) throws Exception {
    S3Authentication authentication = VERIFIER.authenticate(signed.asReceived());

    assertThat(authentication.principal().accessKeyId()).isEqualTo(SdkSigning.ACCESS_KEY);
    assertThat(readAll(authentication, signed.wire())).isEqualTo(signed.wire());
  }

  @ParameterizedTest
  @MethodSource("presignedRequests")
  void presignedRequestsWithAFlippedSignatureBitAreRefused(Signed signed) {
    SignedRequest received = signed.asReceived();
    String query = withFlippedSignature(received.rawQuery());

    assertRefused(
        new SignedRequest(received.method(), received.rawPath(), query, received.headers()),
        AuthFailure.SIGNATURE_MISMATCH);
  }

  /**
   * PyArrow uploads parts as STREAMING-UNSIGNED-PAYLOAD-TRAILER with a CRC64NVME trailer over
   * Transfer-Encoding: chunked with Expect: 100-continue. The SDK cannot compute CRC64NVME without
   * its native runtime, so the value comes from {@link Crc64Nvme} (checked against the catalogue)
   * and the SDK moves it into the trailer.
   */
  @Test
  void unsignedChunksWithACrc64NvmeTrailerAsPyArrowSendsThemVerify() throws Exception {
    byte[] payload = new byte[200_000];
    new Random(3).nextBytes(payload);
    Crc64Nvme crc = new Crc64Nvme();
    crc.update(payload, 0, payload.length);
    String crc64 =
        Base64.getEncoder().encodeToString(ByteBuffer.allocate(8).putLong(crc.getValue()).array());
    Signed signed =
        SdkSigning.s3(SdkHttpMethod.PUT, "warehouse/data/part-00000.parquet")
            .query(List.of("partNumber", "1", "uploadId", "abc"))
            .header("x-amz-checksum-crc64nvme", crc64)
            .header("x-amz-trailer", "x-amz-checksum-crc64nvme")
            .header("Expect", "100-continue")
            .payload(payload)
            .unsignedPayload()
            .chunked(null)
            .sign();
    SignedRequest received = signed.asReceived();
    List<Map.Entry<String, String>> headers = new ArrayList<>(received.headers());
    headers.add(Map.entry("Transfer-Encoding", "chunked"));

    S3Authentication authentication =
        VERIFIER.authenticate(
            new SignedRequest("PUT", received.rawPath(), received.rawQuery(), headers));

    assertThat(authentication.payloadMode()).isEqualTo(PayloadMode.STREAMING_UNSIGNED_TRAILER);
    assertThat(authentication.decodedContentLength()).hasValue(payload.length);
    assertThat(new String(signed.wire(), StandardCharsets.ISO_8859_1))
        .contains("x-amz-checksum-crc64nvme:" + crc64);
    assertThat(readAll(authentication, signed.wire())).isEqualTo(payload);
    assertThat(authentication.checksums()).containsEntry("x-amz-checksum-crc64nvme", crc64);
  }

  @Test
  void anEncodedSlashInAKeyIsSignedAsSentAndIsNotAPathSeparator() throws Exception {
    Signed encodedSlash = SdkSigning.path(SdkHttpMethod.GET, "/bucket/a%2Fb").sign();
    SignedRequest received = encodedSlash.asReceived();

    assertThat(VERIFIER.authenticate(received)).isNotNull();
    assertRefused(
        new SignedRequest("GET", "/bucket/a/b", "", received.headers()),
        AuthFailure.SIGNATURE_MISMATCH);
  }

  @Test
  void presignedUrlsExpireAfterTheirLifetime() {
    Signed signed =
        SdkSigning.s3(SdkHttpMethod.GET, "k")
            .unsignedPayload()
            .presigned(Duration.ofMinutes(10))
            .sign();
    S3RequestVerifier later =
        new S3RequestVerifier(
            StaticCredentialStore.root(SdkSigning.ACCESS_KEY, SdkSigning.SECRET_KEY),
            Clock.fixed(
                SdkSigning.NOW.plus(Duration.ofMinutes(10)).plusSeconds(1), ZoneOffset.UTC));

    assertThatThrownBy(() -> later.authenticate(signed.asReceived()))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> assertThat(e.failure()).isEqualTo(AuthFailure.PRESIGNED_URL_EXPIRED));
  }

  private static final int SDK_CHUNK = 128 * 1024;

  static Stream<Named<Signed>> chunkedUploads() {
    List<Named<Signed>> uploads = new ArrayList<>();
    Random random = new Random(42);
    List<ChecksumAlgorithm> checksums =
        List.of(
            DefaultChecksumAlgorithm.CRC32,
            DefaultChecksumAlgorithm.CRC32C,
            DefaultChecksumAlgorithm.SHA1,
            DefaultChecksumAlgorithm.SHA256);
    for (int size : new int[] {0, 1, 5, SDK_CHUNK, SDK_CHUNK + 1, 3 * SDK_CHUNK + 77}) {
      byte[] payload = new byte[size];
      random.nextBytes(payload);
      uploads.add(
          Named.of(
              "signed chunks, " + size + " bytes",
              SdkSigning.s3(SdkHttpMethod.PUT, "big object")
                  .payload(payload)
                  .chunked(null)
                  .sign()));
      for (ChecksumAlgorithm checksum : checksums) {
        uploads.add(
            Named.of(
                "signed chunks + " + checksum.algorithmId() + " trailer, " + size + " bytes",
                SdkSigning.s3(SdkHttpMethod.PUT, "big object")
                    .payload(payload)
                    .chunked(checksum)
                    .sign()));
        uploads.add(
            Named.of(
                "unsigned chunks + " + checksum.algorithmId() + " trailer, " + size + " bytes",
                SdkSigning.s3(SdkHttpMethod.PUT, "big object")
                    .payload(payload)
                    .unsignedPayload()
                    .chunked(checksum)
                    .sign()));
      }
    }
    return uploads.stream();
  }

  @ParameterizedTest
  @MethodSource("chunkedUploads")
  void chunkedUploadsVerifyAndDecode(Signed signed) throws Exception {
    S3Authentication authentication = VERIFIER.authenticate(signed.asReceived());
    long declared = authentication.decodedContentLength().orElseThrow();

    byte[] payload = readAll(authentication, signed.wire());

    assertThat(payload).hasSize((int) declared);
    assertThat(authentication.payloadMode())
        .isIn(
            PayloadMode.STREAMING_SIGNED,
            PayloadMode.STREAMING_SIGNED_TRAILER,
            PayloadMode.STREAMING_UNSIGNED_TRAILER);
    signed
        .request()
        .firstMatchingHeader("x-amz-trailer")
        .ifPresent(trailer -> assertThat(authentication.checksums()).containsKey(trailer));
  }

  @ParameterizedTest
  @MethodSource("chunkedUploads")
  void chunkedUploadsWithAFlippedPayloadBitAreRefused(Signed signed) throws Exception {
    S3Authentication authentication = VERIFIER.authenticate(signed.asReceived());
    if (authentication.decodedContentLength().orElseThrow() == 0) {
      return;
    }
    byte[] wire = signed.wire().clone();
    int firstDataByte = new String(wire, StandardCharsets.ISO_8859_1).indexOf("\r\n") + 2;
    wire[firstDataByte] ^= 0x10;

    assertThatThrownBy(() -> readAll(authentication, wire))
        .isInstanceOfSatisfying(
            BodyVerificationException.class,
            e ->
                assertThat(e.failure())
                    .isIn(AuthFailure.SIGNATURE_MISMATCH, AuthFailure.BAD_DIGEST));
  }

  private static void assertRefused(SignedRequest request, AuthFailure expected) {
    assertThatThrownBy(() -> VERIFIER.authenticate(request))
        .isInstanceOfSatisfying(
            AuthenticationException.class, e -> assertThat(e.failure()).isEqualTo(expected));
  }

  private static String withFlippedSignature(String rawQuery) {
    int lastDigit = rawQuery.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length() + 63;
    return flipLastHexDigit(rawQuery.substring(0, lastDigit + 1))
        + rawQuery.substring(lastDigit + 1);
  }

  private static String flipLastHexDigit(String value) {
    char last = value.charAt(value.length() - 1);
    return value.substring(0, value.length() - 1) + (last == '0' ? '1' : '0');
  }
}
