package dev.floe.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.auth.AuthFailure;
import dev.floe.auth.AuthenticationException;
import dev.floe.auth.SignedRequest;
import dev.floe.auth.StaticCredentialStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of the Amazon S3 API Reference: "Signature Calculations for the Authorization
 * Header: Transferring Payload in a Single Chunk" (sig-v4-header-based-auth), "Transferring Payload
 * in Multiple Chunks" (sigv4-streaming), "Signature calculations for trailing headers"
 * (sigv4-streaming-trailers) and "Authenticating Requests: Using Query Parameters"
 * (sigv4-query-string-auth). Signatures are copied from those pages.
 */
class AwsPublishedExamplesTest {

  private static final Instant EXAMPLE_TIME = Instant.parse("2013-05-24T00:00:00Z");
  private static final StaticCredentialStore EXAMPLE_KEYS =
      StaticCredentialStore.root(
          "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  private static final String HOST = "examplebucket.s3.amazonaws.com";

  private static S3RequestVerifier verifierAt(Instant now) {
    return new S3RequestVerifier(EXAMPLE_KEYS, Clock.fixed(now, ZoneOffset.UTC));
  }

  private static String authorization(String signedHeaders, String signature) {
    return "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
        + "SignedHeaders="
        + signedHeaders
        + ",Signature="
        + signature;
  }

  private static List<Map.Entry<String, String>> headers(String... namesAndValues) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
    }
    return headers;
  }

  private static byte[] readAll(S3Authentication authentication, byte[] wire) throws IOException {
    try (InputStream body = authentication.verifiedBody(new ByteArrayInputStream(wire))) {
      return body.readAllBytes();
    }
  }

  @Test
  void getObjectWithARange() throws Exception {
    SignedRequest request =
        new SignedRequest(
            "GET",
            "/test.txt",
            "",
            headers(
                "Host",
                HOST,
                "Authorization",
                authorization(
                    "host;range;x-amz-content-sha256;x-amz-date",
                    "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"),
                "Range",
                "bytes=0-9",
                "x-amz-content-sha256",
                Sha256.EMPTY,
                "x-amz-date",
                "20130524T000000Z"));

    S3Authentication authentication = verifierAt(EXAMPLE_TIME).authenticate(request);

    assertThat(authentication.principal().accessKeyId()).isEqualTo("AKIAIOSFODNN7EXAMPLE");
    assertThat(authentication.payloadMode()).isEqualTo(PayloadMode.NO_BODY);
    assertThat(authentication.decodedContentLength()).hasValue(0);
  }

  @Test
  void putObjectWithAKeyThatNeedsEncodingAndASignedPayload() throws Exception {
    byte[] payload = "Welcome to Amazon S3.".getBytes(StandardCharsets.UTF_8);
    SignedRequest request =
        new SignedRequest(
            "PUT",
            "/test$file.text",
            "",
            headers(
                "Host", HOST,
                "Date", "Fri, 24 May 2013 00:00:00 GMT",
                "Authorization",
                    authorization(
                        "date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class",
                        "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd"),
                "x-amz-date", "20130524T000000Z",
                "x-amz-storage-class", "REDUCED_REDUNDANCY",
                "x-amz-content-sha256",
                    "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072",
                "Content-Length", String.valueOf(payload.length)));

    S3Authentication authentication = verifierAt(EXAMPLE_TIME).authenticate(request);

    assertThat(authentication.payloadMode()).isEqualTo(PayloadMode.SIGNED);
    assertThat(authentication.decodedContentLength()).hasValue(21);
    assertThat(readAll(authentication, payload)).isEqualTo(payload);
  }

  @Test
  void putObjectWithAPercentEncodedKeyIsTheSameRequest() throws Exception {
    SignedRequest request =
        new SignedRequest(
            "PUT",
            "/test%24file.text",
            "",
            headers(
                "Host", HOST,
                "Date", "Fri, 24 May 2013 00:00:00 GMT",
                "Authorization",
                    authorization(
                        "date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class",
                        "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd"),
                "x-amz-date", "20130524T000000Z",
                "x-amz-storage-class", "REDUCED_REDUNDANCY",
                "x-amz-content-sha256",
                    "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072",
                "Content-Length", "21"));

    S3Authentication authentication = verifierAt(EXAMPLE_TIME).authenticate(request);
    byte[] otherPayload = "Welcome to Amazon S4.".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> readAll(authentication, otherPayload))
        .isInstanceOfSatisfying(
            BodyVerificationException.class,
            e -> assertThat(e.failure()).isEqualTo(AuthFailure.CONTENT_SHA256_MISMATCH));
  }

  @Test
  void getBucketLifecycleWithAValuelessQueryParameter() throws Exception {
    SignedRequest request =
        new SignedRequest(
            "GET",
            "/",
            "lifecycle",
            headers(
                "Host",
                HOST,
                "Authorization",
                authorization(
                    "host;x-amz-content-sha256;x-amz-date",
                    "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543"),
                "x-amz-date",
                "20130524T000000Z",
                "x-amz-content-sha256",
                Sha256.EMPTY));

    assertThat(verifierAt(EXAMPLE_TIME).authenticate(request).payloadMode())
        .isEqualTo(PayloadMode.NO_BODY);
  }

  @Test
  void listObjectsWithQueryParametersInAnyOrder() throws Exception {
    for (String query : List.of("max-keys=2&prefix=J", "prefix=J&max-keys=2")) {
      SignedRequest request =
          new SignedRequest(
              "GET",
              "/",
              query,
              headers(
                  "Host",
                  HOST,
                  "Authorization",
                  authorization(
                      "host;x-amz-content-sha256;x-amz-date",
                      "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7"),
                  "x-amz-date",
                  "20130524T000000Z",
                  "x-amz-content-sha256",
                  Sha256.EMPTY));

      assertThat(verifierAt(EXAMPLE_TIME).authenticate(request).principal().root()).isTrue();
    }
  }

  private static final String[] CHUNK_SIGNATURES = {
    "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648",
    "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497",
    "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9"
  };

  private static SignedRequest chunkedUpload(String contentLength) {
    return new SignedRequest(
        "PUT",
        "/examplebucket/chunkObject.txt",
        "",
        headers(
            "Host", "s3.amazonaws.com",
            "x-amz-date", "20130524T000000Z",
            "x-amz-storage-class", "REDUCED_REDUNDANCY",
            "Authorization",
                authorization(
                    "content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;"
                        + "x-amz-decoded-content-length;x-amz-storage-class",
                    "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9"),
            "x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
            "Content-Encoding", "aws-chunked",
            "x-amz-decoded-content-length", "66560",
            "Content-Length", contentLength));
  }

  static byte[] chunkedBody(String[] signatures, String afterFinalChunk) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int[] sizes = {65536, 1024, 0};
    for (int i = 0; i < sizes.length; i++) {
      body.writeBytes(
          (Integer.toHexString(sizes[i]) + ";chunk-signature=" + signatures[i] + "\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      byte[] data = new byte[sizes[i]];
      Arrays.fill(data, (byte) 'a');
      body.writeBytes(data);
      if (sizes[i] > 0) {
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
    }
    body.writeBytes(afterFinalChunk.getBytes(StandardCharsets.US_ASCII));
    return body.toByteArray();
  }

  @Test
  void chunkedUploadOf66560BytesInTwoChunksChainedFromTheSeedSignature() throws Exception {
    byte[] wire = chunkedBody(CHUNK_SIGNATURES, "\r\n");
    S3Authentication authentication = verifierAt(EXAMPLE_TIME).authenticate(chunkedUpload("66824"));

    byte[] payload = readAll(authentication, wire);

    assertThat(wire).hasSize(66824);
    assertThat(authentication.payloadMode()).isEqualTo(PayloadMode.STREAMING_SIGNED);
    assertThat(authentication.decodedContentLength()).hasValue(66560);
    assertThat(payload).hasSize(66560).containsOnly((byte) 'a');
  }

  @Test
  void chunkedUploadWithTheSecondChunkSignatureChangedFails() throws Exception {
    String[] forged = CHUNK_SIGNATURES.clone();
    forged[1] = forged[1].replace('0', '1');
    S3Authentication authentication = verifierAt(EXAMPLE_TIME).authenticate(chunkedUpload("66824"));

    assertThatThrownBy(() -> readAll(authentication, chunkedBody(forged, "\r\n")))
        .isInstanceOfSatisfying(
            BodyVerificationException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(AuthFailure.SIGNATURE_MISMATCH);
              assertThat(e.getMessage()).contains("chunk 2");
            });
  }

  private static final String[] TRAILER_CHUNK_SIGNATURES = {
    "b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2",
    "1c1344b170168f8e65b41376b44b20fe354e373826ccbbe2c1d40a8cae51e5c7",
    "2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992"
  };
  private static final String TRAILERS =
      "x-amz-checksum-crc32c:sOO8/Q==\r\n"
          + "x-amz-trailer-signature:"
          + "d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435\r\n";

  private static SignedRequest chunkedUploadWithTrailer() {
    return new SignedRequest(
        "PUT",
        "/examplebucket/chunkObject.txt",
        "",
        headers(
            "Host", "s3.amazonaws.com",
            "x-amz-date", "20130524T000000Z",
            "x-amz-storage-class", "REDUCED_REDUNDANCY",
            "Authorization",
                authorization(
                    "content-encoding;host;x-amz-content-sha256;x-amz-date;"
                        + "x-amz-decoded-content-length;x-amz-storage-class;x-amz-trailer",
                    "106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e"),
            "x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER",
            "Content-Encoding", "aws-chunked",
            "x-amz-decoded-content-length", "66560",
            "x-amz-trailer", "x-amz-checksum-crc32c",
            "Transfer-Encoding", "chunked"));
  }

  @Test
  void chunkedUploadWithASignedCrc32cTrailerFramedAsSdksSendIt() throws Exception {
    S3Authentication authentication =
        verifierAt(EXAMPLE_TIME).authenticate(chunkedUploadWithTrailer());

    byte[] payload =
        readAll(authentication, chunkedBody(TRAILER_CHUNK_SIGNATURES, TRAILERS + "\r\n"));

    assertThat(payload).hasSize(66560);
    assertThat(authentication.checksums()).containsEntry("x-amz-checksum-crc32c", "sOO8/Q==");
  }

  @Test
  void chunkedUploadWithASignedCrc32cTrailerFramedAsTheDocumentationPrintsIt() throws Exception {
    S3Authentication authentication =
        verifierAt(EXAMPLE_TIME).authenticate(chunkedUploadWithTrailer());

    byte[] payload =
        readAll(authentication, chunkedBody(TRAILER_CHUNK_SIGNATURES, "\r\n" + TRAILERS));

    assertThat(payload).hasSize(66560);
  }

  private static SignedRequest presignedGet(String signature) {
    return new SignedRequest(
        "GET",
        "/test.txt",
        "X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
            + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
            + "&X-Amz-Signature="
            + signature,
        headers("Host", HOST));
  }

  private static final String PRESIGNED_SIGNATURE =
      "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";

  @Test
  void presignedGetIsValidForItsWholeDayAndNotASecondLonger() throws Exception {
    Instant lastValidSecond = EXAMPLE_TIME.plus(Duration.ofSeconds(86400));

    assertThat(
            verifierAt(EXAMPLE_TIME).authenticate(presignedGet(PRESIGNED_SIGNATURE)).payloadMode())
        .isEqualTo(PayloadMode.NO_BODY);
    assertThat(verifierAt(lastValidSecond).authenticate(presignedGet(PRESIGNED_SIGNATURE)))
        .isNotNull();
    assertThatThrownBy(
            () ->
                verifierAt(lastValidSecond.plusSeconds(1))
                    .authenticate(presignedGet(PRESIGNED_SIGNATURE)))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> assertThat(e.failure()).isEqualTo(AuthFailure.PRESIGNED_URL_EXPIRED));
  }

  @Test
  void presignedGetWithAnotherSignatureIsRefusedWithTheStringToSign() {
    assertThatThrownBy(
            () ->
                verifierAt(EXAMPLE_TIME)
                    .authenticate(presignedGet(PRESIGNED_SIGNATURE.replace('a', 'b'))))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(AuthFailure.SIGNATURE_MISMATCH);
              assertThat(e.getMessage())
                  .contains("20130524/us-east-1/s3/aws4_request")
                  .contains("UNSIGNED-PAYLOAD")
                  .doesNotContain("wJalrXUtnFEMI");
            });
  }
}
