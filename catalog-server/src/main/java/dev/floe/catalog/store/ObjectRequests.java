package dev.floe.catalog.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Reads and writes whole catalog objects with one SigV4-signed request each on the store's HTTP
 * client, bypassing the S3 client's per-request pipeline (interceptors, endpoint rules, auth scheme
 * resolution, XML unmarshalling), which cost about a third of a small read and a fifth of a small
 * write against a local store. Every loadTable and commit reads its table's pointer, and every
 * commit writes a metadata file and swaps the pointer, so the saving is on the catalog's hottest
 * paths.
 *
 * <p>Writes sign their payload's SHA-256, so a store that received different bytes refuses them.
 * Bodies go whole with their headers, without {@code Expect: 100-continue}: a store that answers
 * 412 before reading the body can then drain it and keep the connection, instead of closing one
 * the client would reuse (S3Proxy does this after a stale {@code If-Match}).
 * Reads and unconditional writes are idempotent: a transport failure or a 5xx is retried a few
 * times with a short backoff, as the S3 client's standard retry strategy would. Conditional writes
 * are never retried: a retried {@code If-Match} PUT whose first attempt landed would come back 412
 * and read as a lost race, so their failures surface for the commit protocol to settle.
 */
final class ObjectRequests {
  private static final int ATTEMPTS = 3;
  private static final long FIRST_BACKOFF_MILLIS = 25;
  private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

  private final SdkHttpClient http;
  private final String endpoint;
  private final String region;
  private final AwsCredentialsIdentity credentials;

  ObjectRequests(SdkHttpClient http, StoreConnection connection) {
    this.http = http;
    // kept without a trailing slash, so an endpoint with a base path keeps it
    this.endpoint = connection.endpoint().toString().replaceAll("/+$", "");
    this.region = connection.region();
    this.credentials =
        AwsCredentialsIdentity.create(connection.accessKeyId(), connection.secretKey());
  }

  /** The object and its ETag; empty when the key or the bucket does not exist. */
  Optional<StoredObject> get(String bucket, String key) {
    return retried("read", bucket, key, () -> getOnce(bucket, key));
  }

  /** Writes the object whatever is there; its new ETag. */
  String put(String bucket, String key, byte[] body) {
    return retried("write", bucket, key, () -> putOnce(bucket, key, body, Map.of()));
  }

  /**
   * Writes the object only if {@code condition} (an {@code If-None-Match} or {@code If-Match}
   * header) holds; its new ETag.
   *
   * @throws PreconditionFailedException the condition does not hold
   */
  String putIf(String bucket, String key, byte[] body, Map<String, String> condition) {
    try {
      return putOnce(bucket, key, body, condition);
    } catch (IOException | Transient e) {
      throw failed("conditionally write", bucket, key, e.getMessage(), e);
    }
  }

  private Optional<StoredObject> getOnce(String bucket, String key)
      throws IOException, Transient {
    Answer answer = send(signed(SdkHttpMethod.GET, bucket, key, Map.of(), null), null);
    if (answer.status == 200) {
      return Optional.of(new StoredObject(answer.body, answer.etag("read", bucket, key)));
    }
    if (answer.status == 404) {
      return Optional.empty();
    }
    throw answer.failure("read", bucket, key);
  }

  private String putOnce(String bucket, String key, byte[] body, Map<String, String> condition)
      throws IOException, Transient {
    Answer answer = send(signed(SdkHttpMethod.PUT, bucket, key, condition, body), body);
    if (answer.status == 200) {
      return answer.etag("write", bucket, key);
    }
    boolean conditional = !condition.isEmpty();
    // 404: If-Match on a vanished key (not a vanished bucket); 409: AWS's
    // ConditionalRequestConflict (a concurrent conditional write on the same key won)
    if (conditional
        && (answer.status == 412
            || answer.status == 409
            || (answer.status == 404 && !answer.errorCode().equals("NoSuchBucket")))) {
      throw new PreconditionFailedException(bucket, key);
    }
    throw answer.failure("write", bucket, key);
  }

  /**
   * Path-style, each key segment URI-encoded once; S3 signs that path as it is sent, neither
   * normalized nor encoded a second time.
   */
  private SdkHttpRequest signed(
      SdkHttpMethod method, String bucket, String key, Map<String, String> headers, byte[] body) {
    SdkHttpRequest.Builder request =
        SdkHttpRequest.builder()
            .method(method)
            .uri(
                URI.create(
                    endpoint
                        + "/"
                        + SdkHttpUtils.urlEncodeIgnoreSlashes(bucket)
                        + "/"
                        + SdkHttpUtils.urlEncodeIgnoreSlashes(key)));
    headers.forEach(request::putHeader);
    if (body != null) {
      request.putHeader("Content-Length", Integer.toString(body.length));
    }
    SignedRequest signed =
        SIGNER.sign(
            r -> {
              r.identity(credentials)
                  .request(request.build())
                  .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                  .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                  .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                  .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false);
              if (body != null) {
                r.payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                    .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true);
              }
            });
    return signed.request();
  }

  private Answer send(SdkHttpRequest request, byte[] body) throws IOException {
    HttpExecuteRequest.Builder call = HttpExecuteRequest.builder().request(request);
    if (body != null) {
      call.contentStreamProvider(ContentStreamProvider.fromByteArrayUnsafe(body));
    }
    HttpExecuteResponse response = http.prepareRequest(call.build()).call();
    return new Answer(
        response.httpResponse().statusCode(),
        response.httpResponse().firstMatchingHeader("ETag"),
        readBody(response));
  }

  private <T> T retried(String action, String bucket, String key, Attempt<T> attempt) {
    for (int n = 1; ; n++) {
      try {
        return attempt.run();
      } catch (IOException | Transient e) {
        if (n == ATTEMPTS) {
          throw failed(action, bucket, key, e.getMessage(), e);
        }
        backOff(n);
      }
    }
  }

  private static byte[] readBody(HttpExecuteResponse response) throws IOException {
    Optional<? extends InputStream> body = response.responseBody();
    if (body.isEmpty()) {
      return new byte[0];
    }
    try (InputStream in = body.get()) {
      return in.readAllBytes();
    }
  }

  private static StoreUnavailableException failed(
      String action, String bucket, String key, String detail, Throwable cause) {
    return new StoreUnavailableException(
        "Backing store failed to " + action + " s3://" + bucket + "/" + key + " (" + detail + ")",
        cause);
  }

  private static void backOff(int attempt) {
    try {
      Thread.sleep(FIRST_BACKOFF_MILLIS << (attempt - 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("Interrupted while retrying a store request", e);
    }
  }

  private interface Attempt<T> {
    T run() throws IOException, Transient;
  }

  /** One answer of the store, read whole: catalog objects and S3 error documents are small. */
  private record Answer(int status, Optional<String> etagHeader, byte[] body) {
    String etag(String action, String bucket, String key) {
      return etagHeader.orElseThrow(
          () -> failed(action, bucket, key, "answered " + status + " without an ETag", null));
    }

    /** The {@code <Code>} of an S3 error document. */
    String errorCode() {
      String text = new String(body, StandardCharsets.UTF_8);
      int start = text.indexOf("<Code>");
      int end = text.indexOf("</Code>");
      return start >= 0 && end > start ? text.substring(start + 6, end) : "no error code";
    }

    /** A 5xx is thrown to be retried; anything else is the store's final word, returned. */
    StoreUnavailableException failure(String action, String bucket, String key) throws Transient {
      String detail = status + " " + errorCode();
      if (status >= 500) {
        throw new Transient(detail);
      }
      return failed(action, bucket, key, detail, null);
    }
  }

  /** A store answer worth retrying (5xx). */
  private static final class Transient extends Exception {
    Transient(String detail) {
      super(detail, null, false, false);
    }
  }
}
