package dev.floe.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import org.apache.iceberg.rest.responses.ErrorResponse;
import org.apache.iceberg.rest.responses.ErrorResponseParser;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Sends SigV4-signed JSON requests to the {@code /_iceberg} API (or, signed the same way, the
 * {@code /_floe/v1/admin} API) of one alias's server and turns
 * every failure into a one-line {@link CliException}: the server's Iceberg error message when it
 * answered, otherwise why it could not be reached.
 */
final class CatalogTransport {
  private static final String SIGNING_NAME = "s3tables";

  private static final String CATALOG_ROOT = "/_iceberg/";
  static final String ADMIN_ROOT = "/_floe/v1/admin/";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  // One client for the whole process: each HttpClient keeps its own selector thread and pool.
  // HTTP/1.1 because over plain http the default would first try an h2c upgrade, whose extra
  // headers the signature does not cover.
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(CONNECT_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private final Alias alias;
  private final String apiRoot;
  private final AwsCredentialsIdentity credentials;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

  CatalogTransport(Alias alias) {
    this(alias, CATALOG_ROOT);
  }

  CatalogTransport(Alias alias, String apiRoot) {
    this.alias = alias;
    this.apiRoot = apiRoot;
    this.credentials = AwsCredentialsIdentity.create(alias.accessKey(), alias.secretKey());
  }

  Alias alias() {
    return alias;
  }

  /** GET {@code path} (relative to the API root, already encoded); the response body. */
  String get(String path) {
    return send(SdkHttpMethod.GET, path, null);
  }

  String post(String path, String jsonBody) {
    return send(SdkHttpMethod.POST, path, jsonBody);
  }

  String put(String path) {
    return send(SdkHttpMethod.PUT, path, null);
  }

  void delete(String path) {
    send(SdkHttpMethod.DELETE, path, null);
  }

  private String send(SdkHttpMethod method, String path, String body) {
    HttpResponse<String> response =
        exchange(signedRequest(method, URI.create(alias.url() + apiRoot + path), body));
    if (response.statusCode() >= 400) {
      throw failure(response);
    }
    return response.body();
  }

  private HttpRequest signedRequest(SdkHttpMethod method, URI uri, String body) {
    SdkHttpRequest.Builder unsigned =
        SdkHttpRequest.builder().uri(uri).method(method).putHeader("Accept", "application/json");
    if (body != null) {
      unsigned.putHeader("Content-Type", "application/json");
    }
    SignedRequest signed =
        signer.sign(
            request ->
                request
                    .identity(credentials)
                    .request(unsigned.build())
                    .payload(body == null ? null : ContentStreamProvider.fromUtf8String(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, alias.region()));

    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(REQUEST_TIMEOUT)
            .method(
                method.name(),
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    signed
        .request()
        .forEachHeader(
            (name, values) -> {
              // java.net.http derives Host from the URI itself (the same value the signer used)
              // and refuses to have it set.
              if (!"host".equalsIgnoreCase(name)) {
                values.forEach(value -> request.header(name, value));
              }
            });
    return request.build();
  }

  private HttpResponse<String> exchange(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpConnectTimeoutException e) {
      throw unreachable("connection timed out after " + CONNECT_TIMEOUT.toSeconds() + " s", e);
    } catch (HttpTimeoutException e) {
      throw unreachable("no answer within " + REQUEST_TIMEOUT.toSeconds() + " s", e);
    } catch (ConnectException e) {
      throw unreachable(
          e.getCause() instanceof UnresolvedAddressException
              ? "unknown host"
              : "connection refused",
          e);
    } catch (UnknownHostException | UnresolvedAddressException e) {
      throw unreachable("unknown host", e);
    } catch (IOException e) {
      throw unreachable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted while waiting for " + alias.url(), e);
    }
  }

  private CliException unreachable(String reason, Exception cause) {
    return new CliException("cannot reach " + alias.url() + ": " + reason, cause);
  }

  private CatalogRequestException failure(HttpResponse<String> response) {
    int status = response.statusCode();
    ErrorResponse error = icebergError(response.body());
    if (error == null || error.message() == null || error.message().isBlank()) {
      return new CatalogRequestException(
          status,
          error == null ? null : error.type(),
          alias.url()
              + " answered HTTP "
              + status
              + " to "
              + response.request().method()
              + " "
              + response.request().uri().getRawPath());
    }
    String message = error.message();
    if (status == 401 || status == 403) {
      message += " (check the keys of alias '" + alias.name() + "')";
    }
    return new CatalogRequestException(status, error.type(), message);
  }

  private static ErrorResponse icebergError(String body) {
    if (body == null || !body.stripLeading().startsWith("{")) {
      return null;
    }
    try {
      return ErrorResponseParser.fromJson(body);
    } catch (RuntimeException e) {
      // Not an Iceberg error body (a proxy's page, say): the status line is all we can report.
      return null;
    }
  }
}
