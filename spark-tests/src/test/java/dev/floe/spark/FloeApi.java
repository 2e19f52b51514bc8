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
 * The Floe APIs a Spark user's administrator calls and the Iceberg REST client has no call for:
 * warehouses ({@code POST /_iceberg/v1/warehouses}) and users with policies ({@code
 * /_floe/v1/admin}), signed the way every catalog request is: SigV4 with signing name {@code
 * s3tables}.
 */
final class FloeApi {
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI endpoint;
  private final AwsCredentialsIdentity credentials;

  FloeApi(URI endpoint, String accessKey, String secretKey) {
    this.endpoint = endpoint;
    this.credentials = AwsCredentialsIdentity.create(accessKey, secretKey);
  }

  /** Creates an empty warehouse. */
  void createWarehouse(String name) {
    post("/_iceberg/v1/warehouses", "{\"name\": \"" + name + "\", \"upgrade-existing\": false}");
  }

  /** Adds a user with one access key and attaches a new policy holding {@code policyDocument}. */
  void addUser(String accessKey, String secretKey, String policyDocument) {
    post("/_floe/v1/admin/users", "{\"access-key\": \"" + accessKey + "\", \"secret-key\": \"" + secretKey + "\"}");
    String policy = accessKey + "-policy";
    post("/_floe/v1/admin/policies",
        "{\"name\": \"" + policy + "\", \"document\": " + quoted(policyDocument) + "}");
    post("/_floe/v1/admin/policies/" + policy + "/attach", "{\"user\": \"" + accessKey + "\"}");
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Posts {@code body}, failing with the server's answer unless it is a 2xx. */
  private void post(String path, String body) {
    SdkHttpRequest unsigned =
        SdkHttpRequest.builder()
            .uri(endpoint.resolve(path))
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
      throw new UncheckedIOException("POST " + path + " to " + endpoint + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during POST " + path, e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          "POST " + path + " answered " + response.statusCode() + " " + response.body());
    }
  }
}
