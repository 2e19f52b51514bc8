package dev.floe.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.floe.auth.AuthFailure;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Malformed and forged requests over raw sockets. Each must get the right 4xx with an S3 error
 * document, and afterwards the buckets hold exactly what they held before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRequestsTest {

  private static final String BUCKET = "hostile";
  private static final String NEIGHBOUR = "neighbour";
  private static final byte[] SMALL = "payload".getBytes(StandardCharsets.UTF_8);
  private static final byte[] THREE_CHUNKS = randomBytes(300 * 1024);

  private EmbeddedS3Store store;
  private FloeS3Endpoint floe;
  private S3Client backend;
  private TestSigner signer;
  private String uploadId;

  @BeforeAll
  void start() throws Exception {
    store = EmbeddedS3Store.inMemory();
    floe = FloeS3Endpoint.start(store.target());
    backend =
        S3Client.builder()
            .endpointOverride(URI.create("http://127.0.0.1:" + store.port()))
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                EmbeddedS3Store.ACCESS_KEY, EmbeddedS3Store.SECRET_KEY)))
            .build();
    backend.createBucket(b -> b.bucket(BUCKET));
    backend.createBucket(b -> b.bucket(NEIGHBOUR));
    backend.putObject(r -> r.bucket(BUCKET).key("existing"), RequestBody.fromString("original"));
    backend.putObject(r -> r.bucket(NEIGHBOUR).key("victim"), RequestBody.fromString("original"));
    uploadId = backend.createMultipartUpload(r -> r.bucket(BUCKET).key("mpu")).uploadId();
    signer = new TestSigner(floe.port(), FloeS3Endpoint.ACCESS_KEY, FloeS3Endpoint.SECRET_KEY,
        Clock.systemUTC());
  }

  @AfterAll
  void stop() throws Exception {
    backend.close();
    floe.close();
    store.close();
  }

  /** What a hostile request must be answered with. */
  record Expected(int status, Set<String> codes) {

    static Expected of(AuthFailure failure) {
      return new Expected(failure.httpStatus(), Set.of(failure.s3ErrorCode()));
    }

    static Expected of(int status, String... codes) {
      return new Expected(status, Set.of(codes));
    }
  }

  @FunctionalInterface
  interface Attempt {
    RawHttp.Response send(HostileRequestsTest test) throws IOException;
  }

  record Case(String name, Attempt attempt, Expected expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case hostile(String name, Expected expected, Attempt attempt) {
    return new Case(name, attempt, expected);
  }

  // ---- building blocks -------------------------------------------------------------------------

  private RawHttp.Response send(RawHttp.Request request) throws IOException {
    return RawHttp.send(floe.port(), request);
  }

  private RawHttp.Request signedPut(String target, byte[] body) {
    return signer.signedPayload("PUT", target, Map.of(), body);
  }

  private RawHttp.Request signedChunks(byte[] body, boolean withTrailer) {
    return signer.chunked("PUT", "/" + BUCKET + "/k", Map.of(), body,
        withTrailer ? DefaultChecksumAlgorithm.CRC32 : null, true);
  }

  private RawHttp.Request unsignedTrailer(software.amazon.awssdk.checksums.spi.ChecksumAlgorithm
      algorithm) {
    return signer.chunked("PUT", "/" + BUCKET + "/k", Map.of(), THREE_CHUNKS, algorithm, false);
  }

  private RawHttp.Request get(String target) {
    return signer.signedPayload("GET", target, Map.of(), new byte[0]);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Flips a character of the n-th (1-based) occurrence of a marker's following text. */
  private static byte[] alterAfter(byte[] body, String marker, int occurrence, int offset) {
    String text = text(body);
    int at = -1;
    for (int i = 0; i < occurrence; i++) {
      at = text.indexOf(marker, at + 1);
    }
    byte[] altered = body.clone();
    int position = at + marker.length() + offset;
    altered[position] = (byte) (altered[position] == '0' ? '1' : '0');
    return altered;
  }

  private static String flipLastHexDigit(String value) {
    char last = value.charAt(value.length() - 1);
    return value.substring(0, value.length() - 1) + (last == '0' ? '1' : '0');
  }

  private static RawHttp.Request forgeSignature(RawHttp.Request request) {
    String authorization = request.header("Authorization").orElseThrow();
    return request.replacingHeader("Authorization", flipLastHexDigit(authorization));
  }

  private static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    new Random(7).nextBytes(bytes);
    return bytes;
  }

  private static String deleteObjectsTarget() {
    return "/" + BUCKET + "?delete";
  }

  // ---- the cases -------------------------------------------------------------------------------

  Stream<Case> cases() {
    String object = "/" + BUCKET + "/k";
    return Stream.of(
        // authentication
        hostile("a request without any authentication",
            Expected.of(AuthFailure.MISSING_AUTHENTICATION),
            t -> t.send(new RawHttp.Request("PUT", object, List.of(Map.entry("Host", "127.0.0.1"),
                Map.entry("Content-Length", "7")), SMALL))),
        hostile("a signature with one hex digit changed",
            Expected.of(AuthFailure.SIGNATURE_MISMATCH),
            t -> t.send(forgeSignature(t.signedPut(object, SMALL)))),
        hostile("a request signed with the wrong secret",
            Expected.of(AuthFailure.SIGNATURE_MISMATCH),
            t -> t.send(t.signer.withKeys(FloeS3Endpoint.ACCESS_KEY, "not-the-secret")
                .signedPayload("PUT", object, Map.of(), SMALL))),
        hostile("a request signed with an unknown access key",
            Expected.of(AuthFailure.INVALID_ACCESS_KEY),
            t -> t.send(t.signer.withKeys("AKIAUNKNOWN", "whatever")
                .signedPayload("PUT", object, Map.of(), SMALL))),
        hostile("a request signed 20 minutes in the past",
            Expected.of(AuthFailure.REQUEST_TIME_TOO_SKEWED),
            t -> t.send(t.signer.withClock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20)))
                .signedPayload("PUT", object, Map.of(), SMALL))),
        hostile("a request signed 20 minutes in the future",
            Expected.of(AuthFailure.REQUEST_TIME_TOO_SKEWED),
            t -> t.send(t.signer.withClock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20)))
                .signedPayload("PUT", object, Map.of(), SMALL))),
        hostile("a request signed for another service",
            Expected.of(AuthFailure.MALFORMED_AUTHORIZATION),
            t -> t.send(t.signer.forService("s3tables").signedPayload("PUT", object, Map.of(),
                SMALL))),
        hostile("an Authorization header that is not SigV4",
            Expected.of(AuthFailure.MALFORMED_AUTHORIZATION),
            t -> t.send(t.signedPut(object, SMALL).replacingHeader("Authorization",
                "Basic ZmxvZTpmbG9l"))),
        hostile("a SigV4 header naming another algorithm",
            Expected.of(AuthFailure.MALFORMED_AUTHORIZATION),
            t -> {
              RawHttp.Request valid = t.signedPut(object, SMALL);
              return t.send(valid.replacingHeader("Authorization",
                  valid.header("Authorization").orElseThrow().replace("AWS4-HMAC-SHA256",
                      "AWS4-HMAC-SHA1")));
            }),
        hostile("a SigV4 header without a signature",
            Expected.of(AuthFailure.MALFORMED_AUTHORIZATION),
            t -> {
              RawHttp.Request valid = t.signedPut(object, SMALL);
              return t.send(valid.replacingHeader("Authorization",
                  valid.header("Authorization").orElseThrow().replaceAll(", Signature=.*", "")));
            }),
        hostile("a request without X-Amz-Date",
            Expected.of(400, "AuthorizationHeaderMalformed", "AccessDenied"),
            t -> t.send(t.signedPut(object, SMALL).withoutHeader("X-Amz-Date"))),
        hostile("a signature that does not cover the Host header",
            Expected.of(400, "AuthorizationHeaderMalformed", "AccessDenied"),
            t -> {
              RawHttp.Request valid = t.signedPut(object, SMALL);
              return t.send(valid.replacingHeader("Authorization",
                  valid.header("Authorization").orElseThrow().replace("host;", "")));
            }),
        hostile("an unsigned x-amz-meta header", Expected.of(AuthFailure.UNSIGNED_AMZ_HEADER),
            t -> t.send(t.signedPut(object, SMALL).withHeader("x-amz-meta-evil", "1"))),
        hostile("an unsigned x-amz-acl header", Expected.of(AuthFailure.UNSIGNED_AMZ_HEADER),
            t -> t.send(t.signedPut(object, SMALL).withHeader("x-amz-acl", "public-read"))),
        hostile("an unsigned x-amz-copy-source header",
            Expected.of(AuthFailure.UNSIGNED_AMZ_HEADER),
            t -> t.send(t.signedPut(object, new byte[0])
                .withHeader("x-amz-copy-source", "/" + NEIGHBOUR + "/victim"))),
        hostile("a signed metadata header changed after signing",
            Expected.of(AuthFailure.SIGNATURE_MISMATCH),
            t -> t.send(t.signer.signedPayload("PUT", object, Map.of("x-amz-meta-a", "1"), SMALL)
                .replacingHeader("x-amz-meta-a", "2"))),
        hostile("a path changed after signing", Expected.of(AuthFailure.SIGNATURE_MISMATCH),
            t -> t.send(t.signedPut(object, SMALL).withTarget("/" + NEIGHBOUR + "/victim"))),
        hostile("a query parameter added after signing",
            Expected.of(AuthFailure.SIGNATURE_MISMATCH),
            t -> t.send(t.signedPut(object, SMALL).withTarget(object + "?acl"))),
        hostile("a method changed after signing", Expected.of(AuthFailure.SIGNATURE_MISMATCH),
            t -> t.send(t.get(object).withMethod("DELETE"))),
        hostile("a body that does not match its signed SHA-256",
            Expected.of(AuthFailure.CONTENT_SHA256_MISMATCH),
            t -> t.send(t.signedPut(object, SMALL).withBody("PAYLOAD".getBytes(
                StandardCharsets.UTF_8)))),
        hostile("a large body altered in its middle against its signed SHA-256",
            Expected.of(AuthFailure.CONTENT_SHA256_MISMATCH),
            t -> {
              RawHttp.Request valid = t.signedPut(object, THREE_CHUNKS);
              byte[] altered = THREE_CHUNKS.clone();
              altered[150_000] ^= 1;
              return t.send(valid.withBody(altered));
            }),
        hostile("an x-amz-content-sha256 that is no hash at all",
            Expected.of(AuthFailure.CONTENT_SHA256_MISMATCH),
            t -> t.send(t.signedPut(object, SMALL)
                .replacingHeader("x-amz-content-sha256", "not-a-hash"))),
        // presigned URLs
        hostile("a presigned GET replayed after it expired",
            Expected.of(AuthFailure.PRESIGNED_URL_EXPIRED),
            t -> t.send(new RawHttp.Request("GET",
                t.signer.withClock(Clock.offset(Clock.systemUTC(), Duration.ofHours(-2)))
                    .presign("GET", "/" + BUCKET + "/existing", Duration.ofHours(1)),
                List.of(Map.entry("Host", "127.0.0.1:" + t.floe.port())), new byte[0]))),
        hostile("a presigned PUT replayed after it expired",
            Expected.of(AuthFailure.PRESIGNED_URL_EXPIRED),
            t -> t.send(new RawHttp.Request("PUT",
                t.signer.withClock(Clock.offset(Clock.systemUTC(), Duration.ofHours(-2)))
                    .presign("PUT", object, Duration.ofMinutes(5)),
                List.of(Map.entry("Host", "127.0.0.1:" + t.floe.port()),
                    Map.entry("Content-Length", "7")), SMALL))),
        hostile("a presigned URL claiming to be valid for 8 days",
            Expected.of(400, "AuthorizationQueryParametersError", "AuthorizationHeaderMalformed",
                "AccessDenied", "SignatureDoesNotMatch"),
            t -> t.send(presigned(t, "GET", "/" + BUCKET + "/existing")
                .withTarget(t.signer.presign("GET", "/" + BUCKET + "/existing",
                    Duration.ofMinutes(5)).replaceAll("X-Amz-Expires=\\d+",
                    "X-Amz-Expires=691200")))),
        hostile("a presigned URL whose expiry is not a number",
            Expected.of(AuthFailure.MALFORMED_AUTHORIZATION),
            t -> t.send(presigned(t, "GET", "/" + BUCKET + "/existing")
                .withTarget(t.signer.presign("GET", "/" + BUCKET + "/existing",
                    Duration.ofMinutes(5)).replaceAll("X-Amz-Expires=\\d+",
                    "X-Amz-Expires=soon")))),
        hostile("a presigned GET used to PUT", Expected.of(AuthFailure.SIGNATURE_MISMATCH),
            t -> t.send(presigned(t, "GET", object).withMethod("PUT")
                .withHeader("Content-Length", "7").withBody(SMALL))),
        hostile("a presigned URL pointed at another key",
            Expected.of(AuthFailure.SIGNATURE_MISMATCH),
            t -> {
              RawHttp.Request valid = presigned(t, "GET", "/" + BUCKET + "/existing");
              return t.send(valid.withTarget(valid.target().replace("/" + BUCKET + "/existing",
                  "/" + NEIGHBOUR + "/victim")));
            }),
        hostile("a presigned URL without its signature",
            Expected.of(400, "AuthorizationQueryParametersError", "AuthorizationHeaderMalformed"),
            t -> {
              RawHttp.Request valid = presigned(t, "GET", "/" + BUCKET + "/existing");
              return t.send(valid.withTarget(
                  valid.target().replaceAll("&?X-Amz-Signature=[0-9a-f]+", "")));
            }),
        hostile("a presigned URL that also carries an Authorization header",
            Expected.of(AuthFailure.MALFORMED_AUTHORIZATION),
            t -> t.send(presigned(t, "GET", "/" + BUCKET + "/existing").withHeader(
                "Authorization", t.get("/" + BUCKET + "/existing").header("Authorization")
                    .orElseThrow()))),
        // aws-chunked bodies
        hostile("a chunk signature forged in the second of three chunks",
            Expected.of(AuthFailure.SIGNATURE_MISMATCH),
            t -> {
              RawHttp.Request valid = t.signedChunks(THREE_CHUNKS, true);
              return t.send(valid.withBody(alterAfter(valid.body(), "chunk-signature=", 2, 10)));
            }),
        hostile("chunk data altered in the second chunk",
            Expected.of(AuthFailure.SIGNATURE_MISMATCH),
            t -> {
              RawHttp.Request valid = t.signedChunks(THREE_CHUNKS, false);
              return t.send(valid.withBody(alterAfter(valid.body(), "chunk-signature=", 2, 80)));
            }),
        hostile("the final chunk's signature forged", Expected.of(AuthFailure.SIGNATURE_MISMATCH),
            t -> {
              RawHttp.Request valid = t.signedChunks(THREE_CHUNKS, false);
              return t.send(valid.withBody(alterAfter(valid.body(), "chunk-signature=", 4, 3)));
            }),
        hostile("the trailer signature forged", Expected.of(AuthFailure.SIGNATURE_MISMATCH),
            t -> {
              RawHttp.Request valid = t.signedChunks(SMALL, true);
              return t.send(valid.withBody(alterAfter(valid.body(), "x-amz-trailer-signature:", 1,
                  5)));
            }),
        hostile("a signed trailer's checksum changed", Expected.of(AuthFailure.SIGNATURE_MISMATCH),
            t -> {
              RawHttp.Request valid = t.signedChunks(SMALL, true);
              String body = text(valid.body());
              String altered = body.replaceFirst("x-amz-checksum-crc32:[A-Za-z0-9+/=]+",
                  "x-amz-checksum-crc32:AAAAAA==");
              return t.send(valid.withBody(bytes(altered)));
            }),
        hostile("an unsigned-payload trailer with a wrong CRC32C",
            Expected.of(AuthFailure.BAD_DIGEST),
            t -> t.send(wrongTrailer(t.unsignedTrailer(DefaultChecksumAlgorithm.CRC32C),
                "x-amz-checksum-crc32c"))),
        hostile("an unsigned-payload trailer with a wrong CRC64NVME",
            Expected.of(AuthFailure.BAD_DIGEST),
            t -> t.send(wrongTrailer(t.unsignedTrailer(DefaultChecksumAlgorithm.CRC64NVME),
                "x-amz-checksum-crc64nvme"))),
        hostile("an unsigned-payload trailer with a wrong SHA256",
            Expected.of(AuthFailure.BAD_DIGEST),
            t -> t.send(wrongTrailer(t.unsignedTrailer(DefaultChecksumAlgorithm.SHA256),
                "x-amz-checksum-sha256"))),
        hostile("a trailer naming a checksum other than the announced one",
            Expected.of(400, "InvalidRequest", "BadDigest", "IncompleteBody"),
            t -> {
              RawHttp.Request valid = t.unsignedTrailer(DefaultChecksumAlgorithm.CRC32);
              String body = text(valid.body()).replace("x-amz-checksum-crc32:",
                  "x-amz-checksum-crc3c:");
              return t.send(valid.withBody(bytes(body)));
            }),
        hostile("a body that ends where its final chunk should be",
            Expected.of(AuthFailure.INCOMPLETE_BODY),
            t -> {
              RawHttp.Request valid = t.signedChunks(THREE_CHUNKS, false);
              int finalChunk = text(valid.body()).lastIndexOf("0;chunk-signature=");
              return RawHttp.send(t.floe.port(), valid, finalChunk);
            }),
        hostile("a body cut off in the middle of a chunk", Expected.of(AuthFailure.INCOMPLETE_BODY),
            t -> RawHttp.send(t.floe.port(), t.signedChunks(THREE_CHUNKS, true), 150_000)),
        hostile("a plain body shorter than its Content-Length",
            Expected.of(AuthFailure.INCOMPLETE_BODY),
            t -> RawHttp.send(t.floe.port(),
                t.signer.unsignedPayload("PUT", object, Map.of(), THREE_CHUNKS), 100_000)),
        hostile("chunks that add up to less than the decoded length",
            Expected.of(400, "IncompleteBody", "InvalidRequest"),
            t -> {
              RawHttp.Request valid = t.signedChunks(SMALL, false);
              String body = text(valid.body());
              // "7;chunk-signature=…\r\npayload\r\n" becomes a 6-byte chunk plus one stray byte
              return t.send(valid.withBody(bytes(body.replaceFirst("^7;", "6;"))));
            }),
        hostile("a chunk declaring a size over the limit", Expected.of(AuthFailure.INVALID_CHUNK),
            t -> {
              RawHttp.Request valid = t.signedChunks(THREE_CHUNKS, false);
              return t.send(valid.withBody(bytes(text(valid.body()).replaceFirst("^20000;",
                  "7fffffff;"))));
            }),
        hostile("a chunk size that is not hexadecimal", Expected.of(AuthFailure.INVALID_CHUNK),
            t -> {
              RawHttp.Request valid = t.signedChunks(SMALL, false);
              return t.send(valid.withBody(bytes(text(valid.body()).replaceFirst("^7;", "g;"))));
            }),
        hostile("an aws-chunked upload without its (signed) decoded length",
            Expected.of(AuthFailure.SIGNATURE_MISMATCH),
            t -> t.send(t.signedChunks(SMALL, true).withoutHeader("x-amz-decoded-content-length"))),
        // HTTP framing and size limits
        hostile("a 64 KiB header", Expected.of(431, "RequestHeaderSectionTooLarge"),
            t -> t.send(t.signedPut(object, SMALL).withHeader("X-Padding", "x".repeat(65_536)))),
        hostile("two thousand headers", Expected.of(431, "RequestHeaderSectionTooLarge"),
            t -> {
              RawHttp.Request request = t.signedPut(object, SMALL);
              for (int i = 0; i < 2000; i++) {
                request = request.withHeader("X-Many-" + i, "value");
              }
              return t.send(request);
            }),
        hostile("both Content-Length and Transfer-Encoding", Expected.of(400, "InvalidRequest"),
            t -> t.send(t.signedPut(object, SMALL).withHeader("Transfer-Encoding", "chunked"))),
        // addressing and traversal
        hostile("a path climbing out of the root: /../neighbour/victim",
            Expected.of(400, "InvalidRequest", "InvalidURI"),
            t -> t.send(t.get("/" + NEIGHBOUR + "/victim").withTarget("/../" + NEIGHBOUR
                + "/victim"))),
        hostile("an encoded climb: /%2e%2e/neighbour/victim",
            Expected.of(400, "InvalidRequest", "InvalidURI"),
            t -> t.send(t.get("/" + NEIGHBOUR + "/victim").withTarget("/%2e%2e/" + NEIGHBOUR
                + "/victim"))),
        hostile("an encoded slash inside the bucket name", Expected.of(400, "InvalidBucketName"),
            t -> t.send(t.signedPut("/" + BUCKET + "%2F" + NEIGHBOUR + "/victim", SMALL))),
        hostile("a bucket name that is a dot segment", Expected.of(400, "InvalidBucketName"),
            t -> t.send(t.signedPut("/.../victim", SMALL))),
        hostile("an empty bucket segment: //neighbour/victim", Expected.of(400, "InvalidURI"),
            t -> t.send(t.signedPut("//" + NEIGHBOUR + "/victim", SMALL))),
        hostile("an upper-case bucket name", Expected.of(400, "InvalidBucketName"),
            t -> t.send(t.signedPut("/Hostile/k", SMALL))),
        hostile("a bad percent escape in the key", Expected.of(400, "InvalidRequest", "InvalidURI"),
            t -> t.send(t.signedPut(object, SMALL).withTarget("/" + BUCKET + "/bad%zzkey"))),
        hostile("a key that is not UTF-8", Expected.of(400, "InvalidURI", "SignatureDoesNotMatch"),
            t -> t.send(t.signedPut("/" + BUCKET + "/%C3%28", SMALL))),
        hostile("a key longer than 1024 bytes", Expected.of(400, "KeyTooLongError"),
            t -> t.send(t.signedPut("/" + BUCKET + "/" + "k".repeat(1025), SMALL))),
        // operations Floe refuses to classify
        hostile("a POST to an object without a sub-resource", Expected.of(405, "MethodNotAllowed"),
            t -> t.send(t.signer.signedPayload("POST", object, Map.of(), SMALL))),
        hostile("a PUT to the service root", Expected.of(405, "MethodNotAllowed"),
            t -> t.send(t.signedPut("/", new byte[0]))),
        hostile("an unknown HTTP method", Expected.of(405, "MethodNotAllowed"),
            t -> t.send(t.signer.signedPayload("PATCH", object, Map.of(), SMALL))),
        hostile("a copy source without a key", Expected.of(400, "InvalidArgument"),
            t -> t.send(t.signer.signedPayload("PUT", object,
                Map.of("x-amz-copy-source", NEIGHBOUR), new byte[0]))),
        hostile("a copy source on a plain GET", Expected.of(400, "InvalidArgument"),
            t -> t.send(t.signer.signedPayload("GET", "/" + BUCKET + "/existing",
                Map.of("x-amz-copy-source", "/" + NEIGHBOUR + "/victim"), new byte[0]))),
        // bodies the backend must reject
        hostile("DeleteObjects with a body that is not XML", Expected.of(400, "MalformedXML"),
            t -> t.send(t.signer.signedPayload("POST", deleteObjectsTarget(),
                Map.of("Content-MD5", md5("not xml at all")), bytes("not xml at all")))),
        hostile("DeleteObjects with XML of the wrong shape", Expected.of(400, "MalformedXML"),
            t -> {
              String xml = "<Delete><Object><Name>existing</Name></Object></Delete>";
              return t.send(t.signer.signedPayload("POST", deleteObjectsTarget(),
                  Map.of("Content-MD5", md5(xml)), bytes(xml)));
            }),
        hostile("CompleteMultipartUpload with a body that is not XML",
            Expected.of(400, "MalformedXML"),
            t -> t.send(t.signer.signedPayload("POST", "/" + BUCKET + "/mpu?uploadId=" + t.uploadId,
                Map.of(), bytes("<CompleteMultipartUpload><Part>")))),
        // AWS answers 400 InvalidPart; S3Proxy reports a part it does not have as NoSuchUpload
        hostile("CompleteMultipartUpload naming a part never uploaded",
            Expected.of(404, "NoSuchUpload"),
            t -> t.send(t.signer.signedPayload("POST", "/" + BUCKET + "/mpu?uploadId="
                + t.backend.createMultipartUpload(r -> r.bucket(BUCKET).key("mpu")).uploadId(),
                Map.of(), bytes("<CompleteMultipartUpload><Part><PartNumber>1</PartNumber>"
                    + "<ETag>\"0123456789abcdef0123456789abcdef\"</ETag></Part>"
                    + "</CompleteMultipartUpload>")))),
        hostile("CompleteMultipartUpload for an upload that does not exist",
            Expected.of(404, "NoSuchUpload"),
            t -> t.send(t.signer.signedPayload("POST", "/" + BUCKET + "/mpu?uploadId=nonexistent",
                Map.of(), bytes("<CompleteMultipartUpload></CompleteMultipartUpload>")))),
        hostile("a Content-MD5 that does not match the body",
            Expected.of(400, "BadDigest", "InvalidDigest"),
            t -> t.send(t.signer.signedPayload("PUT", object, Map.of("Content-MD5", md5("other")),
                SMALL))),
        hostile("an x-amz-checksum-crc32 header that does not match the body",
            Expected.of(400, "BadDigest", "InvalidRequest"),
            t -> t.send(t.signer.signedPayload("PUT", object,
                Map.of("x-amz-checksum-crc32", "AAAAAA=="), SMALL))));
  }

  private static RawHttp.Request presigned(HostileRequestsTest t, String method, String target) {
    return new RawHttp.Request(method, t.signer.presign(method, target, Duration.ofMinutes(5)),
        List.of(Map.entry("Host", "127.0.0.1:" + t.floe.port())), new byte[0]);
  }

  private static RawHttp.Request wrongTrailer(RawHttp.Request valid, String trailer) {
    String body = text(valid.body());
    int start = body.indexOf(trailer + ":") + trailer.length() + 1;
    int end = body.indexOf("\r\n", start);
    String value = body.substring(start, end);
    char first = value.charAt(0);
    String wrong = (first == 'A' ? 'B' : 'A') + value.substring(1);
    return valid.withBody(bytes(body.substring(0, start) + wrong + body.substring(end)));
  }

  private static String md5(String text) {
    try {
      return java.util.Base64.getEncoder().encodeToString(
          java.security.MessageDigest.getInstance("MD5").digest(bytes(text)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @DisplayName("the suite tries at least fifty hostile requests")
  void atLeastFiftyCases() {
    assertThat(cases().count()).isGreaterThanOrEqualTo(50);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("a hostile request gets its 4xx as an S3 error and changes nothing")
  void refused(Case hostile) throws IOException {
    RawHttp.Response response = hostile.attempt().send(this);

    assertThat(response.status()).as("status").isEqualTo(hostile.expected().status());
    assertThat(response.headers().get("content-type")).as("content type")
        .startsWith("application/xml");
    assertThat(response.body()).as("body").startsWith("<?xml").contains("<Error>", "<RequestId>");
    assertThat(hostile.expected().codes()).as("error code").contains(response.errorCode());
    assertThat(keys(BUCKET)).as("objects in %s", BUCKET).containsExactly("existing");
    assertThat(keys(NEIGHBOUR)).as("objects in %s", NEIGHBOUR).containsExactly("victim");
    assertThat(backend.getObjectAsBytes(r -> r.bucket(NEIGHBOUR).key("victim")).asUtf8String())
        .isEqualTo("original");
    assertThat(backend.getObjectAsBytes(r -> r.bucket(BUCKET).key("existing")).asUtf8String())
        .isEqualTo("original");
  }

  @Test
  @DisplayName("a forged request with Expect: 100-continue is refused before its body is sent")
  void refusedBeforeContinue() throws IOException {
    Map.Entry<Boolean, RawHttp.Response> exchange =
        RawHttp.sendExpectingContinue(floe.port(),
            forgeSignature(signedPut("/" + BUCKET + "/k", THREE_CHUNKS)));

    assertThat(exchange.getKey()).as("100 Continue sent").isFalse();
    assertThat(exchange.getValue().status()).isEqualTo(403);
    assertThat(keys(BUCKET)).containsExactly("existing");
  }

  /** The bucket's keys once the backend has cleaned up after aborted uploads. */
  private List<String> keys(String bucket) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> backend.listObjectsV2(r -> r.bucket(bucket)).contents().stream()
                .map(S3Object::key).toList(),
            keys -> keys.stream().noneMatch(key -> key.startsWith("k-")));
  }
}
