package dev.floe.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Raw catalog requests signed the way AWS clients sign them, with the AWS SDK's own signer. */
final class SigV4Requests {
  private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

  private final AwsCredentialsIdentity credentials;
  private final String service;
  private final String region;

  SigV4Requests(String accessKey, String secretKey, String service, String region) {
    this.credentials = AwsCredentialsIdentity.create(accessKey, secretKey);
    this.service = service;
    this.region = region;
  }

  HttpRequest get(URI uri, Map<String, String> headers) {
    return sign(uri, SdkHttpMethod.GET, headers, null);
  }

  HttpRequest postJson(URI uri, String json) {
    return sign(uri, SdkHttpMethod.POST, Map.of("Content-Type", "application/json"), json);
  }

  private HttpRequest sign(URI uri, SdkHttpMethod method, Map<String, String> headers, String body) {
    SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().uri(uri).method(method);
    headers.forEach(unsigned::putHeader);
    SdkHttpRequest signed =
        SIGNER
            .sign(r -> r.identity(credentials)
                .request(unsigned.build())
                .payload(body == null ? null : ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region))
            .request();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .method(method.name(), body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
    // java.net.http sets Host and Content-Length itself (to the values that were signed)
    signed.forEachHeader((name, values) -> {
      if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
        request.header(name, String.join(",", values));
      }
    });
    return request.build();
  }
}
