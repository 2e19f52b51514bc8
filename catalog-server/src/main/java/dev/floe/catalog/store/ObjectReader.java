package dev.floe.catalog.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Reads whole objects with one SigV4-signed GET on the store's HTTP client, bypassing the S3
 * client's per-request pipeline (interceptors, endpoint rules, response unmarshalling), which cost
 * about a third of a small read against a local store. Every loadTable and commit reads its
 * table's pointer this way, so the saving is on the catalog's hottest path.
 *
 * <p>A GET is idempotent, so a transport failure or a 5xx is retried a few times with a short
 * backoff, as the S3 client's standard retry strategy would.
 */
final class ObjectReader {
  private static final int ATTEMPTS = 3;
  private static final long FIRST_BACKOFF_MILLIS = 25;
  private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

  private final SdkHttpClient http;
  private final String endpoint;
  private final String region;
  private final AwsCredentialsIdentity credentials;

  ObjectReader(SdkHttpClient http, StoreConnection connection) {
    this.http = http;
    // kept without a trailing slash, so an endpoint with a base path keeps it
    this.endpoint = connection.endpoint().toString().replaceAll("/+$", "");
    this.region = connection.region();
    this.credentials =
        AwsCredentialsIdentity.create(connection.accessKeyId(), connection.secretKey());
  }

  /** The object and its ETag; empty when the key or the bucket does not exist. */
  Optional<StoredObject> get(String bucket, String key) {
    for (int attempt = 1; ; attempt++) {
      try {
        return readOnce(bucket, key);
      } catch (IOException | Transient e) {
        if (attempt == ATTEMPTS) {
          throw new StoreUnavailableException(
              "Backing store failed to read s3://" + bucket + "/" + key + " (" + e.getMessage() + ")",
              e);
        }
        backOff(attempt);
      }
    }
  }

  private Optional<StoredObject> readOnce(String bucket, String key)
      throws IOException, Transient {
    ExecutableHttpRequest call =
        http.prepareRequest(HttpExecuteRequest.builder().request(signedGet(bucket, key)).build());
    HttpExecuteResponse response = call.call();
    int status = response.httpResponse().statusCode();
    byte[] body = readBody(response);
    if (status == 200) {
      String etag = response.httpResponse().firstMatchingHeader("ETag").orElseThrow(
          () -> new StoreUnavailableException(
              "Backing store answered a read of s3://" + bucket + "/" + key + " without an ETag",
              null));
      return Optional.of(new StoredObject(body, etag));
    }
    if (status == 404) {
      return Optional.empty();
    }
    String detail = status + " " + errorCode(body);
    if (status >= 500) {
      throw new Transient(detail);
    }
    throw new StoreUnavailableException(
        "Backing store failed to read s3://" + bucket + "/" + key + " (" + detail + ")", null);
  }

  /**
   * Path-style, each key segment URI-encoded once; S3 signs that path as it is sent, neither
   * normalized nor encoded a second time.
   */
  private SdkHttpRequest signedGet(String bucket, String key) {
    SdkHttpRequest request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.GET)
            .uri(
                URI.create(
                    endpoint
                        + "/"
                        + SdkHttpUtils.urlEncodeIgnoreSlashes(bucket)
                        + "/"
                        + SdkHttpUtils.urlEncodeIgnoreSlashes(key)))
            .build();
    return SIGNER
        .sign(
            r ->
                r.identity(credentials)
                    .request(request)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false))
        .request();
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

  /** The {@code <Code>} of an S3 error document, for the message only. */
  private static String errorCode(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    int start = text.indexOf("<Code>");
    int end = text.indexOf("</Code>");
    return start >= 0 && end > start ? text.substring(start + 6, end) : "no error code";
  }

  private static void backOff(int attempt) {
    try {
      Thread.sleep(FIRST_BACKOFF_MILLIS << (attempt - 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("Interrupted while retrying a store read", e);
    }
  }

  /** A store answer worth retrying (5xx). */
  private static final class Transient extends Exception {
    Transient(String detail) {
      super(detail, null, false, false);
    }
  }
}
