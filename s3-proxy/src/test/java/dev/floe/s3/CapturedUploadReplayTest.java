package dev.floe.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.floe.auth.Credential;
import dev.floe.auth.Principal;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Replays an upload the AWS SDK for Java v2 really sent (signed aws-chunked body with a signed
 * CRC32 trailer, captured in {@code sigv4-sdkv2-putobject.txt}) through Floe over a socket, as
 * is and with single bytes altered.
 */
class CapturedUploadReplayTest {

  private static final Instant SIGNED_AT = Instant.parse("2026-11-22T04:55:54Z");
  private static final Pattern HEADER = Pattern.compile("(\\S+)=\\[([^\\]]*)\\]");

  private static EmbeddedS3Store store;
  private static FloeS3Endpoint floe;
  private static S3Client backend;
  private static RawHttp.Request captured;

  @BeforeAll
  static void start() throws Exception {
    store = EmbeddedS3Store.inMemory();
    floe =
        FloeS3Endpoint.start(
            store.target(),
            Clock.fixed(SIGNED_AT, ZoneOffset.UTC),
            Optional.empty(),
            List.of(),
            new Credential("a", "b", new Principal("a", "a", false)));
    backend =
        S3Client.builder()
            .endpointOverride(URI.create("http://127.0.0.1:" + store.port()))
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                EmbeddedS3Store.ACCESS_KEY, EmbeddedS3Store.SECRET_KEY)))
            .build();
    captured = capturedRequest();
  }

  @AfterAll
  static void stop() throws Exception {
    backend.close();
    floe.close();
    store.close();
  }

  @BeforeEach
  void emptyBucket() {
    if (backend.listBuckets().buckets().stream().noneMatch(b -> b.name().equals("bucket1"))) {
      backend.createBucket(b -> b.bucket("bucket1"));
    }
    backend.listObjectsV2(r -> r.bucket("bucket1")).contents()
        .forEach(o -> backend.deleteObject(r -> r.bucket("bucket1").key(o.key())));
  }

  /** Parses the capture: a header line {@code PUT name=[value] …} and a {@code body=} line. */
  private static RawHttp.Request capturedRequest() throws IOException {
    String text;
    try (InputStream in =
        CapturedUploadReplayTest.class.getResourceAsStream("/sigv4-sdkv2-putobject.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String[] lines = text.split("\n");
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    Matcher matcher = HEADER.matcher(lines[1]);
    while (matcher.find()) {
      headers.add(Map.entry(matcher.group(1), matcher.group(2)));
    }
    String body = lines[2].trim().substring("body=".length()).replace("\\r\\n", "\r\n");
    return new RawHttp.Request("PUT", "/bucket1/k", headers,
        body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The bucket's keys once the backend has cleaned up after an aborted upload: S3Proxy lists the
   * temporary file of an upload in progress as an object until it notices the abort.
   */
  private static List<String> keysInBucket() {
    return await()
        .atMost(Duration.ofSeconds(10))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> backend.listObjectsV2(r -> r.bucket("bucket1")).contents().stream()
                .map(S3Object::key).toList(),
            keys -> keys.stream().noneMatch(key -> key.startsWith("k-")));
  }

  @Test
  @DisplayName("the captured upload verifies and creates k = hello")
  void capturedUploadCreatesTheObject() throws IOException {
    RawHttp.Response response = RawHttp.send(floe.port(), captured);

    assertThat(response.status()).isEqualTo(200);
    assertThat(backend.getObjectAsBytes(r -> r.bucket("bucket1").key("k")).asUtf8String())
        .isEqualTo("hello");
  }

  @Test
  @DisplayName("altering any single byte of the body is refused and creates nothing")
  void everyAlteredBodyByteIsRefused() throws IOException {
    byte[] body = captured.body();
    SoftAssertions softly = new SoftAssertions();
    for (int i = 0; i < body.length; i++) {
      byte[] altered = body.clone();
      altered[i] ^= 0x01;
      RawHttp.Response response = RawHttp.send(floe.port(), captured.withBody(altered));

      softly.assertThat(response.status()).as("status with byte %d altered", i).isBetween(400, 499);
      softly.assertThat(response.errorCode()).as("error code with byte %d altered", i).isNotEmpty();
      softly.assertThat(keysInBucket()).as("objects after byte %d altered", i).isEmpty();
    }
    softly.assertAll();
  }

  @Test
  @DisplayName("altering any signed header is refused and creates nothing")
  void everyAlteredSignedHeaderIsRefused() throws IOException {
    String signedHeaders =
        captured.header("authorization").orElseThrow().replaceAll(".*SignedHeaders=([^,]+),.*",
            "$1");
    SoftAssertions softly = new SoftAssertions();
    for (String name : signedHeaders.split(";")) {
      String value = captured.header(name).orElseThrow();
      String altered = name.equals("content-length") || name.equals("x-amz-decoded-content-length")
          ? Long.toString(Long.parseLong(value) - 1)
          : value.substring(0, value.length() - 1)
              + (value.endsWith("1") ? "2" : "1");
      RawHttp.Response response =
          RawHttp.send(floe.port(), captured.replacingHeader(name, altered));

      softly.assertThat(response.status()).as("status with %s altered", name).isBetween(400, 499);
      softly.assertThat(keysInBucket()).as("objects after %s altered", name).isEmpty();
    }
    softly.assertAll();
  }
}
