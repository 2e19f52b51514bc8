package dev.floe.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The S3 API through Floe, spoken by the AWS SDK for Java v2 with its default settings (signed
 * aws-chunked uploads with trailing checksums). Subclasses choose the backing store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class S3ApiContract {

  private static final AtomicInteger BUCKETS = new AtomicInteger();
  private static final int MIB = 1024 * 1024;

  private BackendTarget backend;
  private FloeS3Endpoint floe;
  private S3Client s3;
  private S3Presigner presigner;

  /** Starts the backing store and says how to reach it. */
  abstract BackendTarget startBackend() throws Exception;

  abstract void stopBackend() throws Exception;

  @BeforeAll
  void startFloe() throws Exception {
    backend = startBackend();
    floe = FloeS3Endpoint.start(backend);
    s3 = floe.client();
    presigner = floe.presigner();
  }

  @AfterAll
  void stopFloe() throws Exception {
    presigner.close();
    s3.close();
    floe.close();
    stopBackend();
  }

  private String newBucket() {
    String bucket = "floe-" + BUCKETS.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
    s3.createBucket(b -> b.bucket(bucket));
    return bucket;
  }

  private void put(String bucket, String key, String content) {
    s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(content));
  }

  private String get(String bucket, String key) {
    return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String();
  }

  private static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  @Test
  @DisplayName("buckets can be created, listed, inspected, located and deleted")
  void bucketLifecycle() {
    String bucket = newBucket();

    assertThat(s3.listBuckets().buckets()).extracting(Bucket::name).contains(bucket);
    s3.headBucket(b -> b.bucket(bucket));
    assertThat(s3.getBucketLocation(b -> b.bucket(bucket)).sdkHttpResponse().isSuccessful())
        .isTrue();

    s3.deleteBucket(b -> b.bucket(bucket));

    assertThatThrownBy(() -> s3.headBucket(b -> b.bucket(bucket)))
        .isInstanceOf(NoSuchBucketException.class);
    assertThat(s3.listBuckets().buckets()).extracting(Bucket::name).doesNotContain(bucket);
  }

  @Test
  @DisplayName("an object round-trips with its content type, user metadata and ETag")
  void putGetHeadObject() {
    String bucket = newBucket();
    String etag =
        s3.putObject(
                r -> r.bucket(bucket).key("docs/readme.txt").contentType("text/plain")
                    .metadata(Map.of("color", "blue", "owner", "floe")),
                RequestBody.fromString("hello, floe"))
            .eTag();

    ResponseBytes<GetObjectResponse> object =
        s3.getObjectAsBytes(r -> r.bucket(bucket).key("docs/readme.txt"));
    HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key("docs/readme.txt"));

    assertThat(object.asUtf8String()).isEqualTo("hello, floe");
    assertThat(object.response().eTag()).isEqualTo(etag);
    assertThat(object.response().contentType()).isEqualTo("text/plain");
    assertThat(object.response().metadata()).containsEntry("color", "blue");
    assertThat(head.contentLength()).isEqualTo(11);
    assertThat(head.eTag()).isEqualTo(etag);
    assertThat(head.metadata()).containsEntry("owner", "floe");
  }

  @Test
  @DisplayName("a missing object is NoSuchKey, with and without a body to carry the error")
  void missingObject() {
    String bucket = newBucket();

    S3Exception get =
        catchThrowableOfType(S3Exception.class, () -> get(bucket, "absent"));
    assertThat(get).isInstanceOf(NoSuchKeyException.class);
    assertThat(get.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
    assertThatThrownBy(() -> s3.headObject(r -> r.bucket(bucket).key("absent")))
        .isInstanceOf(NoSuchKeyException.class);
  }

  @Test
  @DisplayName("ranged GETs return the range with Content-Range")
  void rangedGet() {
    String bucket = newBucket();
    put(bucket, "alphabet", "abcdefghijklmnopqrstuvwxyz");

    ResponseBytes<GetObjectResponse> middle =
        s3.getObjectAsBytes(r -> r.bucket(bucket).key("alphabet").range("bytes=2-5"));
    ResponseBytes<GetObjectResponse> tail =
        s3.getObjectAsBytes(r -> r.bucket(bucket).key("alphabet").range("bytes=-3"));

    assertThat(middle.asUtf8String()).isEqualTo("cdef");
    assertThat(middle.response().contentRange()).isEqualTo("bytes 2-5/26");
    assertThat(tail.asUtf8String()).isEqualTo("xyz");
  }

  @Test
  @DisplayName("conditional GETs answer 304 and 412 as S3 does")
  void conditionalGet() {
    String bucket = newBucket();
    String etag =
        s3.putObject(r -> r.bucket(bucket).key("k"), RequestBody.fromString("v")).eTag();

    S3Exception notModified =
        catchThrowableOfType(
            S3Exception.class,
            () -> s3.getObject(r -> r.bucket(bucket).key("k").ifNoneMatch(etag)).close());
    S3Exception failed =
        catchThrowableOfType(
            S3Exception.class,
            () -> s3.getObject(r -> r.bucket(bucket).key("k").ifMatch("\"0000\"")).close());
    ResponseBytes<GetObjectResponse> matched =
        s3.getObjectAsBytes(r -> r.bucket(bucket).key("k").ifMatch(etag));
    S3Exception notModifiedSince =
        catchThrowableOfType(
            S3Exception.class,
            () ->
                s3.getObject(
                        r -> r.bucket(bucket).key("k")
                            .ifModifiedSince(Instant.now().plus(Duration.ofDays(1))))
                    .close());

    assertThat(notModified.statusCode()).isEqualTo(304);
    assertThat(failed.statusCode()).isEqualTo(412);
    assertThat(matched.asUtf8String()).isEqualTo("v");
    assertThat(notModifiedSince.statusCode()).isEqualTo(304);
  }

  @Test
  @DisplayName("objects are deleted one at a time and in batches")
  void deletes() {
    String bucket = newBucket();
    for (String key : List.of("a", "b", "c", "d")) {
      put(bucket, key, key);
    }

    s3.deleteObject(r -> r.bucket(bucket).key("a"));
    DeleteObjectsResponse batch =
        s3.deleteObjects(
            r -> r.bucket(bucket).delete(d -> d.objects(
                ObjectIdentifier.builder().key("b").build(),
                ObjectIdentifier.builder().key("c").build())));

    assertThat(batch.deleted()).hasSize(2);
    assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents())
        .extracting(S3Object::key)
        .containsExactly("d");
  }

  @Test
  @DisplayName("CopyObject copies content and metadata within and across buckets")
  void copyObject() {
    String source = newBucket();
    String target = newBucket();
    s3.putObject(
        r -> r.bucket(source).key("original key").metadata(Map.of("origin", "source")),
        RequestBody.fromString("copied content"));

    s3.copyObject(
        r -> r.sourceBucket(source).sourceKey("original key")
            .destinationBucket(target).destinationKey("copy/of it"));

    ResponseBytes<GetObjectResponse> copy =
        s3.getObjectAsBytes(r -> r.bucket(target).key("copy/of it"));
    assertThat(copy.asUtf8String()).isEqualTo("copied content");
    assertThat(copy.response().metadata()).containsEntry("origin", "source");
  }

  @Test
  @DisplayName("ListObjects v1 and v2 honour prefixes, delimiters and continuation")
  void listings() {
    String bucket = newBucket();
    List<String> keys = List.of("logs/2024/a", "logs/2024/b", "logs/2025/c", "logs/top", "other");
    keys.forEach(key -> put(bucket, key, key));

    ListObjectsV2Response byDelimiter =
        s3.listObjectsV2(r -> r.bucket(bucket).prefix("logs/").delimiter("/"));
    assertThat(byDelimiter.contents()).extracting(S3Object::key).containsExactly("logs/top");
    assertThat(byDelimiter.commonPrefixes())
        .extracting(CommonPrefix::prefix)
        .containsExactly("logs/2024/", "logs/2025/");

    List<String> paged = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String continuation = token;
      ListObjectsV2Response page =
          s3.listObjectsV2(r -> r.bucket(bucket).maxKeys(2).continuationToken(continuation));
      page.contents().forEach(object -> paged.add(object.key()));
      token = page.nextContinuationToken();
      pages++;
    } while (token != null);
    assertThat(paged).containsExactlyElementsOf(keys);
    assertThat(pages).isEqualTo(3);

    ListObjectsResponse v1 = s3.listObjects(r -> r.bucket(bucket).prefix("logs/2024/").maxKeys(1));
    assertThat(v1.contents()).extracting(S3Object::key).containsExactly("logs/2024/a");
    assertThat(v1.isTruncated()).isTrue();
    ListObjectsResponse v1Next =
        s3.listObjects(r -> r.bucket(bucket).prefix("logs/2024/").marker("logs/2024/a"));
    assertThat(v1Next.contents()).extracting(S3Object::key).containsExactly("logs/2024/b");
  }

  @Test
  @DisplayName("a multipart upload of 5 MiB parts, one of them copied, completes into one object")
  void multipartUpload() {
    String bucket = newBucket();
    byte[] first = randomBytes(5 * MIB, 1);
    byte[] copied = randomBytes(MIB, 2);
    s3.putObject(r -> r.bucket(bucket).key("source"), RequestBody.fromBytes(copied));

    String uploadId =
        s3.createMultipartUpload(r -> r.bucket(bucket).key("big/object")).uploadId();
    String etag1 =
        s3.uploadPart(
                r -> r.bucket(bucket).key("big/object").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(first))
            .eTag();
    UploadPartCopyResponse part2 =
        s3.uploadPartCopy(
            r -> r.sourceBucket(bucket).sourceKey("source")
                .destinationBucket(bucket).destinationKey("big/object")
                .uploadId(uploadId).partNumber(2));

    assertThat(s3.listParts(r -> r.bucket(bucket).key("big/object").uploadId(uploadId)).parts())
        .hasSize(2);
    assertThat(s3.listMultipartUploads(r -> r.bucket(bucket)).uploads())
        .extracting(MultipartUpload::uploadId)
        .contains(uploadId);

    CompleteMultipartUploadResponse completed =
        s3.completeMultipartUpload(
            r -> r.bucket(bucket).key("big/object").uploadId(uploadId)
                .multipartUpload(m -> m.parts(
                    CompletedPart.builder().partNumber(1).eTag(etag1).build(),
                    CompletedPart.builder().partNumber(2)
                        .eTag(part2.copyPartResult().eTag()).build())));

    byte[] whole = s3.getObjectAsBytes(r -> r.bucket(bucket).key("big/object")).asByteArray();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.writeBytes(first);
    expected.writeBytes(copied);
    assertThat(whole).isEqualTo(expected.toByteArray());
    assertThat(completed.location()).isEqualTo(floe.uri() + "/" + bucket + "/big/object");
  }

  @Test
  @DisplayName("an aborted multipart upload disappears from the upload list")
  void abortMultipartUpload() {
    String bucket = newBucket();
    String uploadId = s3.createMultipartUpload(r -> r.bucket(bucket).key("abandoned")).uploadId();
    s3.uploadPart(
        r -> r.bucket(bucket).key("abandoned").uploadId(uploadId).partNumber(1),
        RequestBody.fromBytes(randomBytes(MIB, 3)));

    s3.abortMultipartUpload(r -> r.bucket(bucket).key("abandoned").uploadId(uploadId));

    assertThat(s3.listMultipartUploads(r -> r.bucket(bucket)).uploads())
        .extracting(MultipartUpload::uploadId)
        .doesNotContain(uploadId);
    assertThatThrownBy(() -> s3.headObject(r -> r.bucket(bucket).key("abandoned")))
        .isInstanceOf(NoSuchKeyException.class);
  }

  @Test
  @DisplayName("If-None-Match: * creates only once and If-Match swaps only the expected version")
  void conditionalWrites() {
    String bucket = newBucket();
    String etag =
        s3.putObject(r -> r.bucket(bucket).key("pointer").ifNoneMatch("*"),
                RequestBody.fromString("v1"))
            .eTag();

    S3Exception second =
        catchThrowableOfType(
            S3Exception.class,
            () -> s3.putObject(r -> r.bucket(bucket).key("pointer").ifNoneMatch("*"),
                RequestBody.fromString("v2")));
    String swapped =
        s3.putObject(r -> r.bucket(bucket).key("pointer").ifMatch(etag),
                RequestBody.fromString("v3"))
            .eTag();
    S3Exception stale =
        catchThrowableOfType(
            S3Exception.class,
            () -> s3.putObject(r -> r.bucket(bucket).key("pointer").ifMatch(etag),
                RequestBody.fromString("v4")));

    assertThat(second.statusCode()).isEqualTo(412);
    assertThat(swapped).isNotEqualTo(etag);
    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(get(bucket, "pointer")).isEqualTo("v3");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = ChecksumAlgorithm.class,
      names = {"CRC32", "CRC32_C", "CRC64_NVME", "SHA1", "SHA256"})
  @DisplayName("uploads with each trailing checksum algorithm arrive intact")
  void trailingChecksums(ChecksumAlgorithm algorithm) {
    String bucket = newBucket();
    byte[] content = randomBytes(300_000, algorithm.ordinal());

    s3.putObject(
        r -> r.bucket(bucket).key("checked").checksumAlgorithm(algorithm),
        RequestBody.fromBytes(content));

    assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("checked")).asByteArray())
        .isEqualTo(content);
  }

  @Test
  @DisplayName("a checksum sent as a header reaches the backend, which rejects a wrong one")
  void headerChecksum() {
    String bucket = newBucket();
    s3.putObject(
        r -> r.bucket(bucket).key("crc").checksumCRC32("NhCmhg=="),
        RequestBody.fromString("hello"));

    S3Exception wrong =
        catchThrowableOfType(
            S3Exception.class,
            () -> s3.putObject(
                r -> r.bucket(bucket).key("crc-wrong").checksumCRC32("AAAAAA=="),
                RequestBody.fromString("hello")));

    assertThat(get(bucket, "crc")).isEqualTo("hello");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThatThrownBy(() -> s3.headObject(r -> r.bucket(bucket).key("crc-wrong")))
        .isInstanceOf(NoSuchKeyException.class);
  }

  /** Whether the backing store implements object tagging (S3Proxy's file stores do not). */
  boolean supportsObjectTagging() {
    return true;
  }

  @Test
  @DisplayName("object tags can be set, read and removed")
  void tagging() {
    Assumptions.assumeTrue(supportsObjectTagging(), "the backing store has no object tagging");
    String bucket = newBucket();
    s3.putObject(r -> r.bucket(bucket).key("tagged").tagging("stage=raw"),
        RequestBody.fromString("x"));

    assertThat(s3.getObjectTagging(r -> r.bucket(bucket).key("tagged")).tagSet())
        .extracting(Tag::key, Tag::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("stage", "raw"));

    s3.putObjectTagging(r -> r.bucket(bucket).key("tagged")
        .tagging(t -> t.tagSet(Tag.builder().key("stage").value("clean").build())));
    assertThat(s3.getObjectTagging(r -> r.bucket(bucket).key("tagged")).tagSet())
        .extracting(Tag::value)
        .containsExactly("clean");

    s3.deleteObjectTagging(r -> r.bucket(bucket).key("tagged"));
    assertThat(s3.getObjectTagging(r -> r.bucket(bucket).key("tagged")).tagSet()).isEmpty();
  }

  @Test
  @DisplayName("presigned GET and PUT URLs work from a plain HTTP client")
  void presignedUrls() throws Exception {
    String bucket = newBucket();
    URI putUrl =
        presigner.presignPutObject(
                r -> r.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(p -> p.bucket(bucket).key("shared file.txt")))
            .url()
            .toURI();
    URI getUrl =
        presigner.presignGetObject(
                r -> r.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket(bucket).key("shared file.txt")))
            .url()
            .toURI();
    HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(putUrl).PUT(HttpRequest.BodyPublishers.ofString("presigned"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> got =
        http.send(HttpRequest.newBuilder(getUrl).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.body()).isEqualTo("presigned");
  }

  @ParameterizedTest(name = "key \"{0}\"")
  @ValueSource(
      strings = {
        "with space.txt",
        "unicodé/ключ/键.bin",
        "a+b=c&d",
        "100%",
        "%2F-literal",
        "semi;colon,comma",
        "star*(paren)!'tilde~",
        "question?mark#hash",
        "a..b/..c/d..",
        ".hidden"
      })
  @DisplayName("keys with special characters round-trip and list exactly")
  void specialKeys(String key) {
    String bucket = newBucket();

    put(bucket, key, "content of " + key);

    assertThat(get(bucket, key)).isEqualTo("content of " + key);
    assertThat(s3.headObject(r -> r.bucket(bucket).key(key)).contentLength())
        .isEqualTo(("content of " + key).getBytes(StandardCharsets.UTF_8).length);
    assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents())
        .extracting(S3Object::key)
        .containsExactly(key);
    s3.deleteObject(r -> r.bucket(bucket).key(key));
    assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).isEmpty();
  }

  @ParameterizedTest(name = "key \"{0}\"")
  @ValueSource(strings = {"a//b", "dir/./file", "x/../victim", "../victim", "x/%2e%2e/victim"})
  @DisplayName("empty and dot segments are never resolved: the key is stored as sent or refused")
  void dotSegmentKeys(String key) {
    String bucket = newBucket();
    String neighbour = newBucket();
    put(bucket, "victim", "original");
    put(neighbour, "victim", "original");

    boolean stored;
    try {
      put(bucket, key, "written through " + key);
      stored = true;
    } catch (S3Exception refused) {
      assertThat(refused.statusCode()).isBetween(400, 599);
      stored = false;
    }

    assertThat(get(bucket, "victim")).isEqualTo("original");
    assertThat(get(neighbour, "victim")).isEqualTo("original");
    if (stored) {
      assertThat(get(bucket, key)).isEqualTo("written through " + key);
    }
  }

  @Test
  @DisplayName("clients never see the backend's address or keys")
  void backendStaysHidden() {
    String bucket = newBucket();
    String uploadId = s3.createMultipartUpload(r -> r.bucket(bucket).key("m")).uploadId();
    String etag =
        s3.uploadPart(r -> r.bucket(bucket).key("m").uploadId(uploadId).partNumber(1),
                RequestBody.fromString("only part"))
            .eTag();
    CompleteMultipartUploadResponse completed =
        s3.completeMultipartUpload(
            r -> r.bucket(bucket).key("m").uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag)
                    .build())));
    S3Exception missing = catchThrowableOfType(S3Exception.class, () -> get(bucket, "nope"));

    String everything =
        String.join(" ", String.valueOf(completed.location()),
            completed.sdkHttpResponse().headers().toString(),
            missing.awsErrorDetails().toString(), missing.getMessage());
    assertThat(everything)
        .doesNotContain(backend.accessKeyId(), backend.secretKey(), backend.authority());
  }

  @Test
  @DisplayName("requests, bytes and refusals are counted")
  void metrics() {
    String bucket = newBucket();
    put(bucket, "counted", "12345");
    get(bucket, "counted");

    assertThat(floe.meters().find(ProxyMetrics.REQUESTS).tag("operation", "PutObject").counter())
        .isNotNull();
    assertThat(floe.meters().get(ProxyMetrics.BYTES_RECEIVED).counter().count())
        .isGreaterThanOrEqualTo(5);
    assertThat(floe.meters().get(ProxyMetrics.BYTES_SENT).counter().count())
        .isGreaterThanOrEqualTo(5);
  }

  @Test
  @DisplayName("many small objects in parallel keep their own contents")
  void parallelSmallObjects() {
    String bucket = newBucket();
    List<String> keys =
        IntStream.range(0, 40).mapToObj(i -> "parallel/" + i).collect(Collectors.toList());

    keys.parallelStream().forEach(key -> put(bucket, key, key.repeat(50)));

    assertThat(keys.parallelStream().map(key -> get(bucket, key)).toList())
        .containsExactlyElementsOf(keys.stream().map(key -> key.repeat(50)).toList());
  }
}
