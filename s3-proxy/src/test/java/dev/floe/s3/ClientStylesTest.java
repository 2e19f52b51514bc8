package dev.floe.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.zip.CRC32;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Object;

/** What particular clients send, beyond the AWS SDK for Java's defaults, works through Floe. */
class ClientStylesTest {

  private static final String VIRTUAL_HOST_DOMAIN = "s3.floe.test";

  private static EmbeddedS3Store store;
  private static FloeS3Endpoint floe;
  private static S3Client s3;
  private static TestSigner signer;

  @BeforeAll
  static void start() throws Exception {
    store = EmbeddedS3Store.inMemory();
    floe = FloeS3Endpoint.start(store.target(), Clock.systemUTC(),
        Optional.of(VIRTUAL_HOST_DOMAIN), List.of());
    s3 = floe.client();
    signer = new TestSigner(floe.port(), FloeS3Endpoint.ACCESS_KEY, FloeS3Endpoint.SECRET_KEY,
        Clock.systemUTC());
    s3.createBucket(b -> b.bucket("styles"));
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
    floe.close();
    store.close();
  }

  private static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  @Test
  @DisplayName("a PyArrow-style part: HTTP chunked, aws-chunked, unsigned payload, CRC64NVME "
      + "trailer, Expect: 100-continue")
  void pyArrowStylePart() throws Exception {
    byte[] data = randomBytes(200_000);
    String uploadId = s3.createMultipartUpload(r -> r.bucket("styles").key("pyarrow")).uploadId();
    byte[] awsChunked = signer.chunked("PUT", "/styles/pyarrow", Map.of(), data,
        DefaultChecksumAlgorithm.CRC64NVME, false).body();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("host", "127.0.0.1:" + floe.port());
    headers.put("content-encoding", "aws-chunked");
    headers.put("x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER");
    headers.put("x-amz-decoded-content-length", Integer.toString(data.length));
    headers.put("x-amz-trailer", "x-amz-checksum-crc64nvme");
    headers.put("x-amz-sdk-checksum-algorithm", "CRC64NVME");
    String authorization = HeaderOnlySigner.authorization(FloeS3Endpoint.ACCESS_KEY,
        FloeS3Endpoint.SECRET_KEY, Instant.now(), "PUT", "/styles/pyarrow",
        "partNumber=1&uploadId=" + uploadId, headers,
        "STREAMING-UNSIGNED-PAYLOAD-TRAILER");
    headers.put("Authorization", authorization);
    RawHttp.Request part = new RawHttp.Request("PUT",
        "/styles/pyarrow?partNumber=1&uploadId=" + uploadId,
        headers.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList(),
        awsChunked);

    Map.Entry<Boolean, RawHttp.Response> sent =
        RawHttp.sendExpectingContinue(floe.port(), part, true);

    assertThat(sent.getKey()).as("100 Continue before the body").isTrue();
    assertThat(sent.getValue().status()).isEqualTo(200);
    String etag = sent.getValue().headers().get("etag");
    s3.completeMultipartUpload(r -> r.bucket("styles").key("pyarrow").uploadId(uploadId)
        .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
    assertThat(s3.getObjectAsBytes(r -> r.bucket("styles").key("pyarrow")).asByteArray())
        .isEqualTo(data);
  }

  @Test
  @DisplayName("a PyArrow-style part whose CRC64NVME trailer is wrong is refused and not stored")
  void pyArrowStylePartWithWrongChecksum() throws Exception {
    byte[] data = randomBytes(50_000);
    String uploadId = s3.createMultipartUpload(r -> r.bucket("styles").key("bad-part")).uploadId();
    String awsChunked = new String(signer.chunked("PUT", "/styles/bad-part", Map.of(), data,
        DefaultChecksumAlgorithm.CRC64NVME, false).body(), StandardCharsets.ISO_8859_1);
    int value = awsChunked.indexOf("x-amz-checksum-crc64nvme:") + 25;
    char wrong = awsChunked.charAt(value) == 'A' ? 'B' : 'A';
    String forged = awsChunked.substring(0, value) + wrong + awsChunked.substring(value + 1);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("host", "127.0.0.1:" + floe.port());
    headers.put("content-encoding", "aws-chunked");
    headers.put("x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER");
    headers.put("x-amz-decoded-content-length", Integer.toString(data.length));
    headers.put("x-amz-trailer", "x-amz-checksum-crc64nvme");
    headers.put("Authorization", HeaderOnlySigner.authorization(FloeS3Endpoint.ACCESS_KEY,
        FloeS3Endpoint.SECRET_KEY, Instant.now(), "PUT", "/styles/bad-part",
        "partNumber=1&uploadId=" + uploadId, headers,
        "STREAMING-UNSIGNED-PAYLOAD-TRAILER"));
    RawHttp.Request part = new RawHttp.Request("PUT",
        "/styles/bad-part?partNumber=1&uploadId=" + uploadId,
        headers.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList(),
        forged.getBytes(StandardCharsets.ISO_8859_1));

    RawHttp.Response refused = RawHttp.sendExpectingContinue(floe.port(), part, true).getValue();

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("BadDigest");
    assertThat(s3.listParts(r -> r.bucket("styles").key("bad-part").uploadId(uploadId)).parts())
        .isEmpty();
  }

  @Test
  @DisplayName("a botocore-style upload: hex SHA-256 of the body plus an x-amz-checksum-crc32 "
      + "header")
  void botocoreStyleUpload() throws Exception {
    byte[] data = "botocore sends its checksum as a header".getBytes(StandardCharsets.UTF_8);
    CRC32 crc = new CRC32();
    crc.update(data);
    String checksum = Base64.getEncoder().encodeToString(
        java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());

    RawHttp.Response response = RawHttp.send(floe.port(), signer.signedPayload("PUT",
        "/styles/botocore", Map.of("x-amz-checksum-crc32", checksum), data));

    assertThat(response.status()).isEqualTo(200);
    assertThat(s3.getObjectAsBytes(r -> r.bucket("styles").key("botocore")).asByteArray())
        .isEqualTo(data);
  }

  @Test
  @DisplayName("signed chunks without a trailer (STREAMING-AWS4-HMAC-SHA256-PAYLOAD)")
  void signedChunksWithoutTrailer() throws Exception {
    byte[] data = randomBytes(300_000);

    RawHttp.Response response = RawHttp.send(floe.port(),
        signer.chunked("PUT", "/styles/chunks", Map.of(), data, null, true));

    assertThat(response.status()).isEqualTo(200);
    assertThat(s3.getObjectAsBytes(r -> r.bucket("styles").key("chunks")).asByteArray())
        .isEqualTo(data);
  }

  @Test
  @DisplayName("an empty object sent aws-chunked is verified before anything reaches the store")
  void emptyChunkedObject() throws Exception {
    RawHttp.Request valid = signer.chunked("PUT", "/styles/empty", Map.of(), new byte[0],
        DefaultChecksumAlgorithm.CRC32, true);
    String body = new String(valid.body(), StandardCharsets.ISO_8859_1);
    int signature = body.lastIndexOf("x-amz-trailer-signature:") + 30;
    byte[] forged = valid.body().clone();
    forged[signature] = (byte) (forged[signature] == '0' ? '1' : '0');

    RawHttp.Response refused = RawHttp.send(floe.port(), valid.withBody(forged));
    List<String> afterForgery = s3.listObjectsV2(r -> r.bucket("styles").prefix("empty"))
        .contents().stream().map(S3Object::key).toList();
    RawHttp.Response accepted = RawHttp.send(floe.port(), valid);

    assertThat(refused.status()).isEqualTo(403);
    assertThat(afterForgery).isEmpty();
    assertThat(accepted.status()).isEqualTo(200);
    assertThat(s3.headObject(r -> r.bucket("styles").key("empty")).contentLength()).isZero();
  }

  @Test
  @DisplayName("virtual-hosted addressing: <bucket>.<domain> in the Host header")
  void virtualHostedAddressing() throws Exception {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    try (S3Client virtual = S3Client.builder()
        .endpointOverride(URI.create("http://" + VIRTUAL_HOST_DOMAIN + ":" + floe.port()))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
            FloeS3Endpoint.ACCESS_KEY, FloeS3Endpoint.SECRET_KEY)))
        .forcePathStyle(false)
        .httpClient(Apache5HttpClient.builder().dnsResolver(new SystemDefaultDnsResolver() {
          @Override
          public InetAddress[] resolve(String host) {
            return new InetAddress[] {loopback};
          }
        }).build())
        .build()) {
      virtual.createBucket(b -> b.bucket("virtual-bucket"));
      virtual.putObject(r -> r.bucket("virtual-bucket").key("dir/file name.txt"),
          RequestBody.fromString("addressed by host"));

      assertThat(virtual.getObjectAsBytes(r -> r.bucket("virtual-bucket")
          .key("dir/file name.txt")).asUtf8String()).isEqualTo("addressed by host");
      assertThat(s3.listObjectsV2(r -> r.bucket("virtual-bucket")).contents())
          .extracting(S3Object::key).containsExactly("dir/file name.txt");
    }
  }
}
