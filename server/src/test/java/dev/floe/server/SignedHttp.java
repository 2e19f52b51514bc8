package dev.floe.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Raw HTTP to a test server, SigV4-signed as an AWS client would, for the cases where a test needs
 * full control over headers and bodies (malformed input, conditional requests, idempotency keys).
 */
final class SignedHttp {
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI endpoint;
  private final AwsCredentialsIdentity credentials;

  SignedHttp(URI endpoint, String accessKey, String secretKey) {
    this.endpoint = endpoint;
    this.credentials = AwsCredentialsIdentity.create(accessKey, secretKey);
  }

  HttpResponse<String> send(String method, String rawPathAndQuery, String body) {
    return send(method, rawPathAndQuery, body, Map.of());
  }

  /** Signs with service {@code s3tables} for the catalog and admin APIs, {@code s3} otherwise. */
  HttpResponse<String> send(String method, String rawPathAndQuery, String body, Map<String, String> headers) {
    URI uri = URI.create(endpoint + rawPathAndQuery);
    String service =
        rawPathAndQuery.startsWith("/_iceberg") || rawPathAndQuery.startsWith("/_floe/v1/admin")
            ? "s3tables"
            : "s3";
    SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.fromValue(method));
    headers.forEach(unsigned::putHeader);
    if (body != null) {
      unsigned.putHeader("Content-Type", "application/json");
    }
    SdkHttpRequest signed =
        AwsV4HttpSigner.create()
            .sign(r -> r.identity(credentials)
                .request(unsigned.build())
                .payload(body == null ? null : ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"))
            .request();
    Map<String, String> finalHeaders = new LinkedHashMap<>();
    signed.forEachHeader((name, values) -> finalHeaders.put(name, String.join(",", values)));
    return sendUnsigned(method, rawPathAndQuery, body, finalHeaders);
  }

  HttpResponse<String> sendUnsigned(String method, String rawPathAndQuery, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(endpoint + rawPathAndQuery))
            .method(method, body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach((name, value) -> {
      if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
        request.header(name, value);
      }
    });
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
