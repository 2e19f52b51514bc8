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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.http.SdkHttpMethod;

/** Each way a request can fail authentication, with the failure a client is told. */
class S3RequestRefusalsTest {

  private static final StaticCredentialStore KEYS =
      StaticCredentialStore.root(SdkSigning.ACCESS_KEY, SdkSigning.SECRET_KEY);

  private static S3RequestVerifier verifierAt(Instant now) {
    return new S3RequestVerifier(KEYS, Clock.fixed(now, ZoneOffset.UTC));
  }

  private static final S3RequestVerifier VERIFIER = verifierAt(SdkSigning.NOW);

  private static AuthFailure refusal(S3RequestVerifier verifier, SignedRequest request) {
    try {
      verifier.authenticate(request);
    } catch (AuthenticationException e) {
      assertThat(e.getMessage()).isNotBlank().doesNotContain(SdkSigning.SECRET_KEY);
      return e.failure();
    }
    throw new AssertionError("the request was accepted");
  }

  private static AuthFailure bodyRefusal(SignedRequest request, byte[] wire) throws Exception {
    S3Authentication authentication = VERIFIER.authenticate(request);
    try (InputStream body = authentication.verifiedBody(new ByteArrayInputStream(wire))) {
      body.readAllBytes();
    } catch (BodyVerificationException e) {
      return e.failure();
    }
    throw new AssertionError("the body was accepted");
  }

  private static SignedRequest withHeader(SignedRequest request, String name, String value) {
    List<Map.Entry<String, String>> headers = new ArrayList<>(request.headers());
    headers.add(Map.entry(name, value));
    return new SignedRequest(request.method(), request.rawPath(), request.rawQuery(), headers);
  }

  private static SignedRequest withoutHeader(SignedRequest request, String name) {
    List<Map.Entry<String, String>> headers = new ArrayList<>(request.headers());
    headers.removeIf(h -> h.getKey().equalsIgnoreCase(name));
    return new SignedRequest(request.method(), request.rawPath(), request.rawQuery(), headers);
  }

  private static SignedRequest get() {
    return SdkSigning.s3(SdkHttpMethod.GET, "k").sign().asReceived();
  }

  @Test
  void aRequestWithoutAnyAuthenticationIsMissingIt() {
    SignedRequest anonymous =
        new SignedRequest("GET", "/bucket/k", "", List.of(Map.entry("Host", "127.0.0.1:9000")));

    assertThat(refusal(VERIFIER, anonymous)).isEqualTo(AuthFailure.MISSING_AUTHENTICATION);
  }

  @Test
  void garbledAuthorizationHeadersAreMalformed() {
    for (String authorization :
        List.of(
            "AWS4-HMAC-SHA256 garbage",
            "AWS4-HMAC-SHA256 Credential=x, SignedHeaders=host, Signature=" + "0".repeat(64),
            "AWS4-HMAC-SHA256 Credential=k/20261122/r/s3/aws4_request, Signature=" + "0".repeat(64),
            "AWS4-HMAC-SHA256 Credential=k/20261122/r/s3/aws4_request, SignedHeaders=host,"
                + " Signature=xyz",
            "AWS4-HMAC-SHA256 Credential=k/2026112/r/s3/aws4_request, SignedHeaders=host,"
                + " Signature="
                + "0".repeat(64),
            "AWS4-HMAC-SHA256 Credential=k/20261122//s3/aws4_request, SignedHeaders=host,"
                + " Signature="
                + "0".repeat(64),
            "AWS4-HMAC-SHA256 Credential=k/20261122/r/s3/aws5_request, SignedHeaders=host,"
                + " Signature="
                + "0".repeat(64),
            "AWS AKIAIOSFODNN7EXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg=",
            "Bearer token")) {
      SignedRequest request =
          new SignedRequest(
              "GET",
              "/bucket/k",
              "",
              List.of(
                  Map.entry("Host", "127.0.0.1:9000"),
                  Map.entry("x-amz-date", "20261122T100000Z"),
                  Map.entry("Authorization", authorization)));

      assertThat(refusal(VERIFIER, request))
          .as(authorization)
          .isEqualTo(AuthFailure.MALFORMED_AUTHORIZATION);
    }
  }

  @Test
  void anUnknownAccessKeyIsInvalid() {
    S3RequestVerifier otherKeys =
        new S3RequestVerifier(
            StaticCredentialStore.root("SOMEONEELSE", "x"),
            Clock.fixed(SdkSigning.NOW, ZoneOffset.UTC));

    assertThat(refusal(otherKeys, get())).isEqualTo(AuthFailure.INVALID_ACCESS_KEY);
  }

  @Test
  void theRequestTimeMayBeUpToFifteenMinutesFromTheServerClock() throws Exception {
    Duration fifteenMinutes = Duration.ofMinutes(15);

    assertThat(verifierAt(SdkSigning.NOW.plus(fifteenMinutes)).authenticate(get())).isNotNull();
    assertThat(verifierAt(SdkSigning.NOW.minus(fifteenMinutes)).authenticate(get())).isNotNull();
    assertThat(refusal(verifierAt(SdkSigning.NOW.plus(fifteenMinutes).plusSeconds(1)), get()))
        .isEqualTo(AuthFailure.REQUEST_TIME_TOO_SKEWED);
    assertThat(refusal(verifierAt(SdkSigning.NOW.minus(fifteenMinutes).minusSeconds(1)), get()))
        .isEqualTo(AuthFailure.REQUEST_TIME_TOO_SKEWED);
  }

  @Test
  void aSignatureForAnotherServiceIsRefused() {
    SignedRequest forCatalog =
        SdkSigning.s3(SdkHttpMethod.GET, "k").service("s3tables").sign().asReceived();

    assertThat(refusal(VERIFIER, forCatalog)).isEqualTo(AuthFailure.MALFORMED_AUTHORIZATION);
  }

  @Test
  void aCredentialScopedToAnotherDayThanTheRequestTimeIsRefused() {
    SignedRequest request = get();
    List<Map.Entry<String, String>> headers = new ArrayList<>(request.headers());
    headers.replaceAll(
        h ->
            h.getKey().equalsIgnoreCase("Authorization")
                ? Map.entry(h.getKey(), h.getValue().replace("/20261122/", "/20261121/"))
                : h);

    assertThat(refusal(VERIFIER, new SignedRequest("GET", request.rawPath(), "", headers)))
        .isEqualTo(AuthFailure.MALFORMED_AUTHORIZATION);
  }

  @Test
  void anXAmzHeaderAddedAfterSigningIsRefused() {
    assertThat(refusal(VERIFIER, withHeader(get(), "x-amz-meta-sneaky", "1")))
        .isEqualTo(AuthFailure.UNSIGNED_AMZ_HEADER);
    assertThat(refusal(VERIFIER, withHeader(get(), "X-Amz-Security-Token", "token")))
        .isEqualTo(AuthFailure.UNSIGNED_AMZ_HEADER);
  }

  @Test
  void anXAmzHeaderAddedToAPresignedUrlIsRefused() {
    SignedRequest presigned =
        SdkSigning.s3(SdkHttpMethod.GET, "k")
            .unsignedPayload()
            .presigned(Duration.ofHours(1))
            .sign()
            .asReceived();

    assertThat(refusal(VERIFIER, withHeader(presigned, "x-amz-acl", "public-read")))
        .isEqualTo(AuthFailure.UNSIGNED_AMZ_HEADER);
  }

  @Test
  void otherHeadersMayBeAddedAfterSigning() throws Exception {
    assertThat(VERIFIER.authenticate(withHeader(get(), "User-Agent", "proxy/1"))).isNotNull();
  }

  @Test
  void aSignatureThatDoesNotCoverTheHostIsMalformed() {
    SignedRequest request =
        new SignedRequest(
            "GET",
            "/bucket/k",
            "",
            List.of(
                Map.entry("Host", "127.0.0.1:9000"),
                Map.entry("x-amz-date", "20261122T100000Z"),
                Map.entry("x-amz-content-sha256", Sha256.EMPTY),
                Map.entry(
                    "Authorization",
                    "AWS4-HMAC-SHA256 Credential="
                        + SdkSigning.ACCESS_KEY
                        + "/20261122/eu-central-1/s3/aws4_request,"
                        + " SignedHeaders=x-amz-content-sha256;x-amz-date, Signature="
                        + "0".repeat(64))));

    assertThat(refusal(VERIFIER, request)).isEqualTo(AuthFailure.MALFORMED_AUTHORIZATION);
  }

  @Test
  void theHeaderAndTheQueryCannotBothCarryASignature() {
    SignedRequest request = get();

    assertThat(
            refusal(
                VERIFIER,
                new SignedRequest(
                    "GET",
                    request.rawPath(),
                    "X-Amz-Signature=" + "0".repeat(64),
                    request.headers())))
        .isEqualTo(AuthFailure.MALFORMED_AUTHORIZATION);
  }

  @Test
  void presignedUrlsLiveAtMostSevenDays() {
    SignedRequest presigned =
        SdkSigning.s3(SdkHttpMethod.GET, "k")
            .unsignedPayload()
            .presigned(Duration.ofDays(7))
            .sign()
            .asReceived();
    SignedRequest tooLong =
        new SignedRequest(
            "GET",
            presigned.rawPath(),
            presigned.rawQuery().replace("X-Amz-Expires=604800", "X-Amz-Expires=604801"),
            presigned.headers());

    assertThat(presigned.rawQuery()).contains("X-Amz-Expires=604800");
    assertThat(refusal(VERIFIER, tooLong)).isEqualTo(AuthFailure.MALFORMED_AUTHORIZATION);
    assertThat(
            refusal(verifierAt(SdkSigning.NOW.plus(Duration.ofDays(7)).plusSeconds(1)), presigned))
        .isEqualTo(AuthFailure.PRESIGNED_URL_EXPIRED);
  }

  @Test
  void aPresignedUrlDatedInTheFutureIsRefused() {
    SignedRequest presigned =
        SdkSigning.s3(SdkHttpMethod.GET, "k")
            .unsignedPayload()
            .presigned(Duration.ofHours(1))
            .sign()
            .asReceived();

    assertThat(refusal(verifierAt(SdkSigning.NOW.minus(Duration.ofMinutes(16))), presigned))
        .isEqualTo(AuthFailure.REQUEST_TIME_TOO_SKEWED);
  }

  @Test
  void aBodyWithoutADeclaredPayloadHashIsRefused() {
    SignedRequest put =
        SdkSigning.s3(SdkHttpMethod.PUT, "k").payload(new byte[] {1}).sign().asReceived();

    assertThat(refusal(VERIFIER, withoutHeader(put, "x-amz-content-sha256")))
        .isEqualTo(AuthFailure.CONTENT_SHA256_MISMATCH);
  }

  @Test
  void aSignedPayloadHashMustMatchTheBody() throws Exception {
    Signed put =
        SdkSigning.s3(SdkHttpMethod.PUT, "k")
            .payload("abc".getBytes(StandardCharsets.UTF_8))
            .sign();

    assertThat(bodyRefusal(put.asReceived(), "abd".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(AuthFailure.CONTENT_SHA256_MISMATCH);
    assertThat(bodyRefusal(put.asReceived(), "ab".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(AuthFailure.INCOMPLETE_BODY);
  }

  /** An upload signed for STREAMING-UNSIGNED-PAYLOAD-TRAILER of five bytes with a CRC32 trailer. */
  private static SignedRequest unsignedTrailerUpload() {
    return SdkSigning.s3(SdkHttpMethod.PUT, "k")
        .payload("hello".getBytes(StandardCharsets.UTF_8))
        .unsignedPayload()
        .chunked(DefaultChecksumAlgorithm.CRC32)
        .sign()
        .asReceived();
  }

  private static String crc32(String data) {
    CRC32 crc = new CRC32();
    crc.update(data.getBytes(StandardCharsets.UTF_8));
    byte[] value = ByteBuffer.allocate(8).putLong(crc.getValue()).array();
    return Base64.getEncoder().encodeToString(Arrays.copyOfRange(value, 4, 8));
  }

  private static byte[] unsignedChunks(String trailer, String... chunks) {
    StringBuilder body = new StringBuilder();
    for (String chunk : chunks) {
      body.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
    }
    body.append("0\r\n").append(trailer).append("\r\n");
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void hand_FramedUnsignedChunksDecode() throws Exception {
    S3Authentication authentication = VERIFIER.authenticate(unsignedTrailerUpload());
    byte[] wire = unsignedChunks("x-amz-checksum-crc32:" + crc32("hello") + "\r\n", "hel", "lo");

    try (InputStream body = authentication.verifiedBody(new ByteArrayInputStream(wire))) {
      assertThat(body.readAllBytes()).asString().isEqualTo("hello");
    }
  }

  @Test
  void aChunkLargerThanTheCapIsRefusedBeforeItsDataIsRead() throws Exception {
    byte[] wire = ("1000001\r\n" + "x".repeat(64)).getBytes(StandardCharsets.US_ASCII);

    assertThat(bodyRefusal(unsignedTrailerUpload(), wire)).isEqualTo(AuthFailure.INVALID_CHUNK);
    assertThat(AwsChunkedDecoder.MAX_CHUNK_SIZE).isEqualTo(0x1000000);
  }

  @Test
  void aBodyThatStopsBeforeTheFinalChunkIsIncomplete() throws Exception {
    Signed signed =
        SdkSigning.s3(SdkHttpMethod.PUT, "k")
            .payload("hello".getBytes(StandardCharsets.UTF_8))
            .chunked(null)
            .sign();
    String wire = new String(signed.wire(), StandardCharsets.US_ASCII);
    byte[] withoutFinalChunk =
        wire.substring(0, wire.indexOf("hello\r\n") + 7).getBytes(StandardCharsets.US_ASCII);

    assertThat(bodyRefusal(signed.asReceived(), withoutFinalChunk))
        .isEqualTo(AuthFailure.INCOMPLETE_BODY);
  }

  @Test
  void aBodyCutInsideAChunkIsIncomplete() throws Exception {
    byte[] wire = "5\r\nhel".getBytes(StandardCharsets.US_ASCII);

    assertThat(bodyRefusal(unsignedTrailerUpload(), wire)).isEqualTo(AuthFailure.INCOMPLETE_BODY);
  }

  @Test
  void chunksThatCarryFewerBytesThanTheDecodedLengthAreIncomplete() throws Exception {
    byte[] wire = unsignedChunks("x-amz-checksum-crc32:" + crc32("hell") + "\r\n", "hell");

    assertThat(bodyRefusal(unsignedTrailerUpload(), wire)).isEqualTo(AuthFailure.INCOMPLETE_BODY);
  }

  @Test
  void chunksThatCarryMoreBytesThanTheDecodedLengthAreInvalid() throws Exception {
    byte[] wire = unsignedChunks("x-amz-checksum-crc32:" + crc32("hello!") + "\r\n", "hello!");

    assertThat(bodyRefusal(unsignedTrailerUpload(), wire)).isEqualTo(AuthFailure.INVALID_CHUNK);
  }

  @Test
  void aTrailingChecksumThatDoesNotMatchTheDataIsABadDigest() throws Exception {
    byte[] wire = unsignedChunks("x-amz-checksum-crc32:" + crc32("jello") + "\r\n", "hello");

    assertThat(bodyRefusal(unsignedTrailerUpload(), wire)).isEqualTo(AuthFailure.BAD_DIGEST);
  }

  @Test
  void aDeclaredTrailerThatNeverArrivesLeavesTheBodyIncomplete() throws Exception {
    byte[] wire = unsignedChunks("", "hello");

    assertThat(bodyRefusal(unsignedTrailerUpload(), wire)).isEqualTo(AuthFailure.INCOMPLETE_BODY);
  }

  @Test
  void anUndeclaredTrailerIsInvalid() throws Exception {
    byte[] wire =
        unsignedChunks(
            "x-amz-checksum-crc32:" + crc32("hello") + "\r\nx-amz-meta-late:1\r\n", "hello");

    assertThat(bodyRefusal(unsignedTrailerUpload(), wire)).isEqualTo(AuthFailure.INVALID_CHUNK);
  }

  @Test
  void bytesAfterTheEndOfTheChunkedBodyAreInvalid() throws Exception {
    byte[] wire =
        (new String(
                    unsignedChunks("x-amz-checksum-crc32:" + crc32("hello") + "\r\n", "hello"),
                    StandardCharsets.US_ASCII)
                + "junk")
            .getBytes(StandardCharsets.US_ASCII);

    assertThat(bodyRefusal(unsignedTrailerUpload(), wire)).isEqualTo(AuthFailure.INVALID_CHUNK);
  }

  @Test
  void aTrailerChecksumFloeCannotVerifyIsRefusedBeforeTheSignature() {
    SignedRequest request = unsignedTrailerUpload();
    List<Map.Entry<String, String>> headers = new ArrayList<>(request.headers());
    headers.replaceAll(
        h ->
            h.getKey().equalsIgnoreCase("x-amz-trailer")
                ? Map.entry(h.getKey(), "x-amz-checksum-xxhash64")
                : h);

    assertThat(refusal(VERIFIER, new SignedRequest("PUT", request.rawPath(), "", headers)))
        .isEqualTo(AuthFailure.INVALID_CHUNK);
  }

  @Test
  void aPresignedUrlCannotCarryAnAwsChunkedBody() {
    SignedRequest presigned =
        SdkSigning.s3(SdkHttpMethod.PUT, "k")
            .payload("hello".getBytes(StandardCharsets.UTF_8))
            .unsignedPayload()
            .presigned(Duration.ofHours(1))
            .sign()
            .asReceived();
    SignedRequest chunked =
        new SignedRequest(
            "PUT",
            presigned.rawPath(),
            presigned.rawQuery() + "&X-Amz-Content-Sha256=STREAMING-UNSIGNED-PAYLOAD-TRAILER",
            presigned.headers());

    assertThat(refusal(VERIFIER, chunked)).isEqualTo(AuthFailure.CONTENT_SHA256_MISMATCH);
  }

  @Test
  void aBodyCanBeVerifiedOnlyOnce() throws IOException, AuthenticationException {
    S3Authentication authentication = VERIFIER.authenticate(get());
    authentication.verifiedBody(InputStream.nullInputStream()).close();

    assertThatThrownBy(() -> authentication.verifiedBody(InputStream.nullInputStream()))
        .isInstanceOf(IllegalStateException.class);
  }
}
