package dev.floe.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Floe signs what it forwards itself; the AWS SDK's signer, which every S3 store accepts, is the
 * reference: for the same request at the same instant both must produce the same headers.
 */
class BackendSignerTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");
  private static final BackendTarget BACKEND =
      new BackendTarget(URI.create("http://127.0.0.1:9000"), "eu-west-1", "AKEXAMPLE", "secret/key+1");

  private final BackendSigner signer = new BackendSigner(BACKEND, Clock.fixed(NOW, ZoneOffset.UTC));

  static Stream<Arguments> requests() {
    return Stream.of(
        Arguments.of("GET", "/bucket/key", List.of()),
        Arguments.of("GET", "", List.of()),
        Arguments.of(
            "PUT",
            "/bucket/a%20b%2Bc/%E2%82%AC/~x_y-z.txt",
            List.of(
                Map.entry("Content-Type", "text/plain;  charset=UTF-8 "),
                Map.entry("x-amz-meta-Colour", "blue"),
                Map.entry("Content-Length", "5"))),
        Arguments.of(
            "GET",
            "/bucket?list-type=2&prefix=a%2Fb&max-keys=5&continuation-token=ab%2B%2F%3D",
            List.of(Map.entry("Range", "bytes=0-9"), Map.entry("If-None-Match", "\"etag\""))),
        Arguments.of(
            "POST",
            "/bucket/key?uploads",
            List.of(Map.entry("x-amz-checksum-algorithm", "CRC32"))),
        Arguments.of("PUT", "/bucket/key?partNumber=2&uploadId=u%2B1", List.of()),
        Arguments.of("GET", "/bucket?a-b=1&a=2&a=1", List.of()),
        Arguments.of(
            "PUT",
            "/bucket/copy",
            List.of(
                Map.entry("x-amz-copy-source", "/bucket/source%20key"),
                Map.entry("User-Agent", "aws-sdk-java/2"),
                Map.entry("Expect", "100-continue"))));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("requests")
  @DisplayName("the signature is the AWS SDK's for the same request")
  void signsAsTheAwsSdkDoes(String method, String pathAndQuery, List<Map.Entry<String, String>> headers) {
    URI uri = URI.create("http://127.0.0.1:9000" + pathAndQuery);

    List<Map.Entry<String, String>> signed =
        signer.sign(method, uri, headers, BackendSigner.UNSIGNED_PAYLOAD);

    assertThat(header(signed, "Authorization")).isEqualTo(sdkAuthorization(method, uri, headers));
    assertThat(header(signed, "X-Amz-Date")).isEqualTo("20261122T101530Z");
    assertThat(header(signed, "x-amz-content-sha256")).isEqualTo("UNSIGNED-PAYLOAD");
  }

  @Test
  @DisplayName("the forwarded headers are sent as they came, after the Host that was signed")
  void forwardedHeadersKeepTheirOrderAndValues() {
    List<Map.Entry<String, String>> headers =
        List.of(Map.entry("x-amz-meta-a", "one"), Map.entry("X-Amz-Meta-A", " two  words "));

    List<Map.Entry<String, String>> signed =
        signer.sign(
            "PUT",
            URI.create("http://127.0.0.1:9000/bucket/key"),
            headers,
            BackendSigner.UNSIGNED_PAYLOAD);

    assertThat(signed.subList(0, 3))
        .containsExactly(
            Map.entry("Host", "127.0.0.1:9000"),
            Map.entry("x-amz-meta-a", "one"),
            Map.entry("X-Amz-Meta-A", " two  words "));
    assertThat(header(signed, "Authorization"))
        .contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-meta-a,");
  }

  @Test
  @DisplayName("the Host signed leaves out the scheme's default port, as HTTP clients do")
  void defaultPortsAreLeftOut() {
    assertThat(BackendSigner.host(URI.create("http://store.example:80/b"))).isEqualTo("store.example");
    assertThat(BackendSigner.host(URI.create("https://store.example:443/b"))).isEqualTo("store.example");
    assertThat(BackendSigner.host(URI.create("https://store.example/b"))).isEqualTo("store.example");
    assertThat(BackendSigner.host(URI.create("http://store.example:9000/b")))
        .isEqualTo("store.example:9000");
  }

  @Test
  @DisplayName("a new day gets a signature under the new day's key")
  void theKeyFollowsTheDay() {
    Instant tomorrow = NOW.plusSeconds(86_400);
    BackendSigner later = new BackendSigner(BACKEND, Clock.fixed(tomorrow, ZoneOffset.UTC));
    URI uri = URI.create("http://127.0.0.1:9000/bucket/key");

    String today =
        header(signer.sign("GET", uri, List.of(), BackendSigner.UNSIGNED_PAYLOAD), "Authorization");
    String nextDay =
        header(later.sign("GET", uri, List.of(), BackendSigner.UNSIGNED_PAYLOAD), "Authorization");

    assertThat(nextDay).contains("AKEXAMPLE/20261123/eu-west-1/s3/aws4_request");
    assertThat(nextDay).isEqualTo(sdkAuthorization("GET", uri, List.of(), tomorrow));
    assertThat(today).isNotEqualTo(nextDay);
  }

  @Test
  @DisplayName("a client's hex SHA-256 is signed as the payload, for the backend to check")
  void clientPayloadHashIsPassedOn() throws Exception {
    byte[] body = "hello, store".getBytes(StandardCharsets.UTF_8);
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    URI uri = URI.create("http://127.0.0.1:9000/bucket/key");
    List<Map.Entry<String, String>> headers = List.of(Map.entry("Content-Length", "12"));

    List<Map.Entry<String, String>> signed = signer.sign("PUT", uri, headers, sha256);

    SdkHttpRequest.Builder request =
        SdkHttpRequest.builder().method(SdkHttpMethod.PUT).uri(uri).appendHeader("Content-Length", "12");
    SdkHttpRequest sdkSigned =
        AwsV4HttpSigner.create()
            .sign(
                signing ->
                    signing
                        .identity(
                            AwsCredentialsIdentity.create(
                                BACKEND.accessKeyId(), BACKEND.secretKey()))
                        .request(request.build())
                        .payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, BACKEND.region())
                        .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                        .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                        .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true))
            .request();
    assertThat(header(signed, "x-amz-content-sha256")).isEqualTo(sha256);
    assertThat(header(signed, "Authorization"))
        .isEqualTo(sdkSigned.firstMatchingHeader("Authorization").orElseThrow());
  }

  private static String sdkAuthorization(
      String method, URI uri, List<Map.Entry<String, String>> headers) {
    return sdkAuthorization(method, uri, headers, NOW);
  }

  private static String sdkAuthorization(
      String method, URI uri, List<Map.Entry<String, String>> headers, Instant at) {
    SdkHttpRequest.Builder request =
        SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
    headers.forEach(header -> request.appendHeader(header.getKey(), header.getValue()));
    return AwsV4HttpSigner.create()
        .sign(
            signing ->
                signing
                    .identity(
                        AwsCredentialsIdentity.create(BACKEND.accessKeyId(), BACKEND.secretKey()))
                    .request(request.build())
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, BACKEND.region())
                    .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                    .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false))
        .request()
        .firstMatchingHeader("Authorization")
        .orElseThrow();
  }

  private static String header(List<Map.Entry<String, String>> headers, String name) {
    return headers.stream()
        .filter(header -> header.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow();
  }
}
