package dev.floe.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the catalog says on the wire: status codes, error bodies, ETags, idempotency. */
class CatalogProtocolTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TABLE_JSON =
      "{\"name\":\"%s\",\"schema\":{\"type\":\"struct\",\"schema-id\":0,\"fields\":"
          + "[{\"id\":1,\"name\":\"id\",\"type\":\"long\",\"required\":true}]}}";

  @TempDir static Path dataDir;
  static FloeTestServer floe;
  static SignedHttp http;

  @BeforeAll
  static void start() throws Exception {
    floe = FloeTestServer.start(dataDir);
    http = floe.http();
    floe.createWarehouse("proto");
    assertThat(http.send("POST", "/_iceberg/v1/proto/namespaces", "{\"namespace\":[\"ns\"]}").statusCode())
        .isEqualTo(200);
  }

  @AfterAll
  static void stop() throws Exception {
    floe.close();
  }

  @Test
  void unsignedRequestsAreRefusedWithAnIcebergError() throws Exception {
    HttpResponse<String> response = http.sendUnsigned("GET", "/_iceberg/v1/config?warehouse=proto", null, Map.of());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(error(response).path("type").asText()).isEqualTo("NotAuthorizedException");
  }

  @Test
  void aWrongSecretIsRefused() throws Exception {
    SignedHttp intruder = new SignedHttp(floe.server().endpoint(), floe.server().rootAccessKey(), "wrong-secret");

    HttpResponse<String> response = intruder.send("GET", "/_iceberg/v1/config?warehouse=proto", null);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(error(response).path("message").asText()).isNotBlank();
  }

  @Test
  void configNamesTheWarehouseAsPrefixAndListsEndpointsAndIdempotency() throws Exception {
    JsonNode config = JSON.readTree(http.send("GET", "/_iceberg/v1/config?warehouse=proto", null).body());

    assertThat(config.path("overrides").path("prefix").asText()).isEqualTo("proto");
    assertThat(config.path("endpoints").toString())
        .contains("POST /v1/{prefix}/namespaces/{namespace}/tables/{table}")
        .contains("POST /v1/{prefix}/transactions/commit")
        .contains("POST /v1/{prefix}/namespaces/{namespace}/register-view");
    assertThat(config.path("idempotency-key-lifetime").asText()).isEqualTo("PT30M");
  }

  @Test
  void configNeedsAnExistingWarehouse() throws Exception {
    assertThat(http.send("GET", "/_iceberg/v1/config", null).statusCode()).isEqualTo(400);
    assertThat(http.send("GET", "/_iceberg/v1/config?warehouse=missing", null).statusCode()).isEqualTo(404);
    assertThat(http.send("GET", "/_iceberg/v1/config?warehouse=s3%3A%2F%2Fproto%2F", null).statusCode())
        .isEqualTo(200);
  }

  @Test
  void loadTableAnswers304WhileTheETagIsCurrent() throws Exception {
    http.send("POST", "/_iceberg/v1/proto/namespaces/ns/tables", TABLE_JSON.formatted("etagged"));
    HttpResponse<String> first = http.send("GET", "/_iceberg/v1/proto/namespaces/ns/tables/etagged", null);
    String etag = first.headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> revalidated =
        http.send("GET", "/_iceberg/v1/proto/namespaces/ns/tables/etagged", null, Map.of("If-None-Match", etag));
    assertThat(revalidated.statusCode()).isEqualTo(304);
    assertThat(revalidated.body()).isEmpty();

    http.send("POST", "/_iceberg/v1/proto/namespaces/ns/tables/etagged",
        "{\"requirements\":[],\"updates\":[{\"action\":\"set-properties\",\"updates\":{\"k\":\"v\"}}]}");
    HttpResponse<String> changed =
        http.send("GET", "/_iceberg/v1/proto/namespaces/ns/tables/etagged", null, Map.of("If-None-Match", etag));
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
  }

  @Test
  void anIdempotencyKeyReplaysTheFirstAnswer() throws Exception {
    Map<String, String> key = Map.of("Idempotency-Key", "0190a8d4-6a1c-7c3e-9b1a-5f2f3e4d5c6b");
    String body = "{\"namespace\":[\"idem\"]}";

    HttpResponse<String> first = http.send("POST", "/_iceberg/v1/proto/namespaces", body, key);
    HttpResponse<String> retry = http.send("POST", "/_iceberg/v1/proto/namespaces", body, key);
    HttpResponse<String> reused =
        http.send("POST", "/_iceberg/v1/proto/namespaces", "{\"namespace\":[\"other\"]}", key);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(retry.body())).isEqualTo(JSON.readTree(first.body()));
    assertThat(reused.statusCode()).isEqualTo(422);
  }

  @Test
  void clientMistakesGet400WithAnIcebergError() throws Exception {
    assertBadRequest(http.send("POST", "/_iceberg/v1/proto/namespaces", "{not json"));
    assertBadRequest(http.send("POST", "/_iceberg/v1/proto/namespaces", "{\"namespace\":[\"a/b\"]}"));
    assertBadRequest(http.send("POST", "/_iceberg/v1/proto/namespaces", "{\"namespace\":[\"bad\\u0001name\"]}"));
    assertBadRequest(http.send("POST", "/_iceberg/v1/proto/namespaces/ns/tables", "{\"name\":\"t\"}"));
    assertBadRequest(http.send("POST", "/_iceberg/v1/warehouses", "{\"name\":\"Not_A_Bucket\"}"));
    assertBadRequest(http.send("GET", "/_iceberg/v1/proto/namespaces?pageSize=-1", null));
    String huge = "{\"namespace\":[\"big\"],\"properties\":{\"k\":\"" + "x".repeat(17 * 1024 * 1024) + "\"}}";
    assertBadRequest(http.send("POST", "/_iceberg/v1/proto/namespaces", huge));
  }

  @Test
  void unknownRoutesAre404AndWrongMethods405() throws Exception {
    assertThat(http.send("GET", "/_iceberg/v1/proto/nothing-here", null).statusCode()).isEqualTo(404);
    assertThat(http.send("PUT", "/_iceberg/v1/proto/namespaces", "{}").statusCode()).isEqualTo(405);
  }

  @Test
  void warehousesAreCreatedListedAndDeletedOnlyWhenEmptyUnlessPurged() throws Exception {
    assertThat(http.send("POST", "/_iceberg/v1/warehouses", "{\"name\":\"short-lived\"}").statusCode()).isEqualTo(200);
    assertThat(http.send("POST", "/_iceberg/v1/warehouses", "{\"name\":\"short-lived\"}").statusCode()).isEqualTo(409);
    assertThat(http.send("GET", "/_iceberg/v1/warehouses", null).body()).contains("\"short-lived\"");
    assertThat(http.send("GET", "/_iceberg/v1/warehouses/short-lived", null).statusCode()).isEqualTo(200);
    http.send("POST", "/_iceberg/v1/short-lived/namespaces", "{\"namespace\":[\"ns\"]}");
    http.send("POST", "/_iceberg/v1/short-lived/namespaces/ns/tables", TABLE_JSON.formatted("t"));

    assertThat(http.send("DELETE", "/_iceberg/v1/warehouses/short-lived", null).statusCode()).isEqualTo(409);
    assertThat(http.send("DELETE", "/_iceberg/v1/warehouses/short-lived?purge=true", null).statusCode()).isEqualTo(204);
    assertThat(http.send("GET", "/_iceberg/v1/warehouses/short-lived", null).statusCode()).isEqualTo(404);
  }

  private static void assertBadRequest(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(error(response).path("code").asInt()).isEqualTo(400);
    assertThat(error(response).path("message").asText()).isNotBlank();
  }

  private static JsonNode error(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body()).path("error");
  }
}
