package dev.floe.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.rest.RESTCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OAuth2 for engines that cannot sign: {@code POST /_iceberg/v1/oauth/tokens} exchanges an access
 * key and its secret for a bearer token that the catalog accepts, and answers mistakes in OAuth2's
 * error format.
 */
class OAuthTokensTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path dataDir;
  private static FloeTestServer floe;

  @BeforeAll
  static void startServer() throws Exception {
    floe = FloeTestServer.start(dataDir);
    floe.createWarehouse("lake");
    assertThat(floe.http().send("POST", "/_iceberg/v1/lake/namespaces", "{\"namespace\":[\"sales\"]}").statusCode())
        .isEqualTo(200);
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (floe != null) {
      floe.close();
    }
  }

  @Test
  void clientCredentialsBuyABearerTokenTheCatalogAccepts() throws Exception {
    HttpResponse<String> issued = tokenRequest(clientCredentials(floe.server().rootSecretKey()), Map.of());
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
    assertThat(issued.headers().firstValue("Cache-Control")).hasValue("no-store");
    JsonNode token = JSON.readTree(issued.body());
    assertThat(token.get("token_type").asText()).isEqualToIgnoringCase("bearer");
    assertThat(token.get("expires_in").asInt()).isEqualTo(3600);
    assertThat(token.get("issued_token_type").asText()).isEqualTo("urn:ietf:params:oauth:token-type:access_token");

    HttpResponse<String> namespaces = withBearer(token.get("access_token").asText());
    assertThat(namespaces.statusCode()).as(namespaces.body()).isEqualTo(200);
    assertThat(namespaces.body()).contains("sales");
  }

  @Test
  void httpBasicCarriesTheClientCredentialsToo() throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString((floe.server().rootAccessKey() + ":" + floe.server().rootSecretKey()).getBytes());
    HttpResponse<String> issued = tokenRequest("grant_type=client_credentials&scope=catalog", Map.of("Authorization", "Basic " + basic));
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
  }

  @Test
  void anIcebergClientConfiguredWithACredentialUsesTheCatalog() {
    try (RESTCatalog catalog = new RESTCatalog()) {
      catalog.initialize(
          "floe",
          Map.of(
              CatalogProperties.URI, floe.server().endpoint() + "/_iceberg",
              CatalogProperties.WAREHOUSE_LOCATION, "lake",
              "credential", floe.server().rootAccessKey() + ":" + floe.server().rootSecretKey()));
      catalog.createNamespace(Namespace.of("from_oauth"));
      assertThat(catalog.listNamespaces()).contains(Namespace.of("sales"), Namespace.of("from_oauth"));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aTokenIsExchangedForAFreshOne() throws Exception {
    String token = JSON.readTree(tokenRequest(clientCredentials(floe.server().rootSecretKey()), Map.of()).body()).get("access_token").asText();
    HttpResponse<String> exchanged =
        tokenRequest(
            "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange&subject_token="
                + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8)
                + "&subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Aaccess_token",
            Map.of("Authorization", "Bearer " + token));
    assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
    assertThat(withBearer(JSON.readTree(exchanged.body()).get("access_token").asText()).statusCode()).isEqualTo(200);
  }

  @Test
  void mistakesAreAnsweredInOAuthsErrorFormat() throws Exception {
    assertOAuthError(tokenRequest(clientCredentials("wrong-secret"), Map.of()), 401, "invalid_client");
    assertOAuthError(
        tokenRequest("grant_type=client_credentials&client_id=nobody&client_secret=x", Map.of()), 401, "invalid_client");
    assertOAuthError(tokenRequest("grant_type=password&username=a&password=b", Map.of()), 400, "unsupported_grant_type");
    assertOAuthError(tokenRequest("grant_type=client_credentials", Map.of()), 400, "invalid_request");
    assertOAuthError(
        tokenRequest("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange&subject_token=forged", Map.of()),
        400, "invalid_grant");
    HttpResponse<String> get =
        HTTP.send(HttpRequest.newBuilder(tokenUri()).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertOAuthError(get, 405, "invalid_request");
  }

  @Test
  void forgedOrMissingBearerTokensAreNotAuthorized() throws Exception {
    HttpResponse<String> forged = withBearer("v1:bm90LWEtdG9rZW4tYXQtYWxsLWp1c3QtYnl0ZXMtMTIzNDU2Nzg5MA==");
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(forged.body()).at("/error/type").asText()).isEqualTo("NotAuthorizedException");
    assertThat(withBearer("").statusCode()).isEqualTo(401);
  }

  private static void assertOAuthError(HttpResponse<String> response, int status, String error) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("error").asText()).isEqualTo(error);
    assertThat(body.get("error_description").asText()).isNotBlank();
    assertThat(response.body()).doesNotContain(floe.server().rootSecretKey());
  }

  private static String clientCredentials(String secret) {
    return "grant_type=client_credentials&client_id=" + floe.server().rootAccessKey() + "&client_secret=" + secret + "&scope=catalog";
  }

  private static HttpResponse<String> tokenRequest(String form, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(tokenUri())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI tokenUri() {
    return URI.create(floe.server().endpoint() + "/_iceberg/v1/oauth/tokens");
  }

  private static HttpResponse<String> withBearer(String token) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(floe.server().endpoint() + "/_iceberg/v1/lake/namespaces"))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
