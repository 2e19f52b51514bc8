package dev.floe.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signs raw requests the way SDK clients do, with the AWS SDK's own signer, so that tests can
 * start from a valid request and break exactly one thing about it.
 */
final class TestSigner {

  private final int port;
  private final AwsCredentialsIdentity identity;
  private final Clock clock;
  private final String service;

  TestSigner(int port, String accessKey, String secretKey, Clock clock) {
    this(port, accessKey, secretKey, clock, "s3");
  }

  private TestSigner(int port, String accessKey, String secretKey, Clock clock, String service) {
    this.port = port;
    this.identity = AwsCredentialsIdentity.create(accessKey, secretKey);
    this.clock = clock;
    this.service = service;
  }

  TestSigner withClock(Clock other) {
    return new TestSigner(port, identity.accessKeyId(), identity.secretAccessKey(), other, service);
  }

  TestSigner withKeys(String accessKey, String secretKey) {
    return new TestSigner(port, accessKey, secretKey, clock, service);
  }

  TestSigner forService(String other) {
    return new TestSigner(port, identity.accessKeyId(), identity.secretAccessKey(), clock, other);
  }

  /** Header authentication with the hex SHA-256 of the body signed. */
  RawHttp.Request signedPayload(String method, String target, Map<String, String> headers,
      byte[] body) {
    return sign(method, target, headers, body, request -> request
        .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true));
  }

  /** Header authentication with {@code UNSIGNED-PAYLOAD}. */
  RawHttp.Request unsignedPayload(String method, String target, Map<String, String> headers,
      byte[] body) {
    return sign("https", method, target, headers, body, request -> request
        .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false), false);
  }

  /**
   * An aws-chunked body in 128 KiB chunks: signed chunks ({@code STREAMING-AWS4-HMAC-SHA256-
   * PAYLOAD[-TRAILER]}) or, when {@code signedChunks} is false, {@code
   * STREAMING-UNSIGNED-PAYLOAD-TRAILER}; with a checksum trailer when an algorithm is given.
   */
  RawHttp.Request chunked(String method, String target, Map<String, String> headers, byte[] body,
      ChecksumAlgorithm trailer, boolean signedChunks) {
    return sign(signedChunks ? "http" : "https", method, target, headers, body, request -> {
      request.putProperty(AwsV4HttpSigner.CHUNK_ENCODING_ENABLED, true)
          .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, signedChunks);
      if (trailer != null) {
        request.putProperty(AwsV4FamilyHttpSigner.CHECKSUM_ALGORITHM, trailer);
      }
    }, true);
  }

  /** A presigned URL's path and query, valid for {@code expiry} from the signer's clock. */
  String presign(String method, String target, Duration expiry) {
    SdkHttpRequest request = SdkHttpRequest.builder()
        .method(SdkHttpMethod.fromValue(method))
        .uri(URI.create("http://127.0.0.1:" + port + target))
        .build();
    SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
        .identity(identity)
        .request(request)
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock)
        .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
        .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
        .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
        .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, expiry)
        .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false));
    URI uri = signed.request().getUri();
    return uri.getRawPath() + "?" + uri.getRawQuery();
  }

  private RawHttp.Request sign(String method, String target, Map<String, String> headers,
      byte[] body, Consumer<SignRequest.Builder<AwsCredentialsIdentity>> extra) {
    return sign("http", method, target, headers, body, extra, false);
  }

  private RawHttp.Request sign(String scheme, String method, String target,
      Map<String, String> headers, byte[] body,
      Consumer<SignRequest.Builder<AwsCredentialsIdentity>> extra,
      boolean bodyFromSigner) {
    SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder()
        .method(SdkHttpMethod.fromValue(method))
        .uri(URI.create(scheme + "://127.0.0.1:" + port + target));
    headers.forEach(unsigned::putHeader);
    if (body.length > 0 || method.equals("PUT") || method.equals("POST")) {
      unsigned.putHeader("Content-Length", Integer.toString(body.length));
    }
    SdkHttpRequest request = unsigned.build();
    SignedRequest signed = AwsV4HttpSigner.create().sign(r -> {
      r.identity(identity)
          .request(request)
          .payload(ContentStreamProvider.fromByteArray(body))
          .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
          .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
          .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock)
          .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
          .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false);
      extra.accept(r);
    });
    List<Map.Entry<String, String>> wireHeaders = new ArrayList<>();
    signed.request().headers().forEach((name, values) ->
        values.forEach(value -> wireHeaders.add(Map.entry(name, value))));
    byte[] wireBody = body;
    if (bodyFromSigner) {
      try (InputStream in = signed.payload().orElseThrow().newStream()) {
        wireBody = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new RawHttp.Request(method, target, wireHeaders, wireBody);
  }
}
