package dev.floe.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Floe's warehouse API ({@code POST /_iceberg/v1/warehouses}), which the Iceberg REST client has
 * no call for, signed the way every catalog request is: SigV4 with signing name {@code s3tables}.
 */
final class WarehouseApi {
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI endpoint;
  private final AwsCredentialsIdentity credentials;

  WarehouseApi(URI endpoint, String accessKey, String secretKey) {
    this.endpoint = endpoint;
    this.credentials = AwsCredentialsIdentity.create(accessKey, secretKey);
  }

  /** Creates an empty warehouse, failing with the server's answer when it is not a 200. */
  void create(String name) {
    String body = "{\"name\": \"" + name + "\", \"upgrade-existing\": false}";
    SdkHttpRequest unsigned =
        SdkHttpRequest.builder()
            .uri(endpoint.resolve("/_iceberg/v1/warehouses"))
            .method(SdkHttpMethod.POST)
            .putHeader("Content-Type", "application/json")
            .build();
    SdkHttpRequest signed =
        AwsV4HttpSigner.create()
            .sign(request -> request
                .identity(credentials)
                .request(unsigned)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3tables")
                .putProperty(AwsV4HttpSigner.REGION_NAME, SparkOnFloe.REGION))
            .request();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(signed.getUri())
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    // java.net.http sets Host and Content-Length itself and refuses them as user headers.
    signed.forEachHeader((header, values) -> {
      if (!header.equalsIgnoreCase("host") && !header.equalsIgnoreCase("content-length")) {
        values.forEach(value -> request.header(header, value));
      }
    });
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("POST /_iceberg/v1/warehouses to " + endpoint + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating warehouse " + name, e);
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "creating warehouse " + name + ": POST /_iceberg/v1/warehouses answered "
              + response.statusCode() + " " + response.body());
    }
  }
}
