package dev.floe.s3;

import java.net.URI;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signs forwarded requests with the backend's keys (SigV4, service {@code s3}). The payload is
 * always declared {@code UNSIGNED-PAYLOAD}: Floe has verified the client's body itself and
 * withholds its last byte until every check passed, so the backend never receives a complete body
 * that failed verification. The SDK's public signer cannot sign a precomputed payload hash without
 * reading the body, and reading it twice is what a streaming proxy must not do.
 */
final class BackendSigner {

  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
  private final AwsCredentialsIdentity identity;
  private final String region;

  BackendSigner(BackendTarget backend) {
    this.identity = AwsCredentialsIdentity.create(backend.accessKeyId(), backend.secretKey());
    this.region = backend.region();
  }

  /** The request with {@code Authorization}, {@code X-Amz-Date} and the payload hash added. */
  SdkHttpRequest sign(String method, URI uri, List<Map.Entry<String, String>> headers) {
    SdkHttpRequest.Builder unsigned =
        SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
    for (Map.Entry<String, String> header : headers) {
      unsigned.appendHeader(header.getKey(), header.getValue());
    }
    SignedRequest signed =
        signer.sign(
            request ->
                request
                    .identity(identity)
                    .request(unsigned.build())
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                    .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false));
    return signed.request();
  }
}
