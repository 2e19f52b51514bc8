package dev.floe.catalog.rest;

import dev.floe.auth.session.VendedCredentials;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.rest.requests.RemoteSignRequest;
import org.apache.iceberg.rest.responses.ImmutableRemoteSignResponse;
import org.apache.iceberg.rest.responses.RemoteSignResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Signs a client's S3 request (SigV4, service {@code s3}, {@code UNSIGNED-PAYLOAD}) with session
 * credentials, so that Floe's S3 endpoint later verifies it and applies their scope like any
 * request made with vended credentials.
 *
 * <p>Headers that a client's HTTP stack sets or changes per attempt (retry counters, invocation
 * ids, a range it may adjust) are left unsigned and handed back as they came; every {@code
 * x-amz-*} header is signed, as Floe's S3 endpoint requires.
 */
final class S3RequestSigner {
  private static final Set<String> SIGNED_PLAIN_HEADERS = Set.of("content-md5", "content-type");
  private static final Set<String> SET_BY_SIGNER =
      Set.of("authorization", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256", "host");

  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

  RemoteSignResponse sign(RemoteSignRequest request, VendedCredentials credentials) {
    SdkHttpRequest.Builder unsigned =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.fromValue(request.method().toUpperCase(Locale.ROOT)))
            .uri(request.uri());
    Map<String, List<String>> unsignedHeaders = new HashMap<>();
    request
        .headers()
        .forEach(
            (name, values) -> {
              String lower = name.toLowerCase(Locale.ROOT);
              if (SET_BY_SIGNER.contains(lower)) {
                return;
              }
              if (lower.startsWith("x-amz-") || SIGNED_PLAIN_HEADERS.contains(lower)) {
                unsigned.putHeader(name, values);
              } else {
                unsignedHeaders.put(name, values);
              }
            });
    AwsSessionCredentialsIdentity identity =
        AwsSessionCredentialsIdentity.create(
            credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken());
    SdkHttpRequest signed =
        signer
            .sign(
                r ->
                    r.identity(identity)
                        .request(unsigned.build())
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, request.region())
                        .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                        .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                        .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false))
            .request();
    Map<String, List<String>> headers = new HashMap<>(unsignedHeaders);
    headers.putAll(signed.headers());
    return ImmutableRemoteSignResponse.builder().uri(request.uri()).headers(headers).build();
  }
}
