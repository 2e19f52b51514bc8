package dev.floe.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Table commits and creates under an Idempotency-Key, as Iceberg 1.12 clients send them: a retry
 * gets the first answer and commits nothing, for as long as the key lives, however many commits
 * the table has taken since; the key reused for another request is refused.
 */
class IdempotentTableCommitTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TABLE_JSON =
      "{\"name\":\"%s\",\"schema\":{\"type\":\"struct\",\"schema-id\":0,\"fields\":"
          + "[{\"id\":1,\"name\":\"id\",\"type\":\"long\",\"required\":true}]}}";
  private static final String SET_PROPERTY =
      "{\"requirements\":[],\"updates\":[{\"action\":\"set-properties\",\"updates\":{\"%s\":\"%s\"}}]}";

  @TempDir static Path dataDir;
  static FloeTestServer floe;
  static SignedHttp http;

  @BeforeAll
  static void start() throws Exception {
    floe = FloeTestServer.start(dataDir);
    http = floe.http();
    floe.createWarehouse("keyed");
    assertThat(http.send("POST", "/_iceberg/v1/keyed/namespaces", "{\"namespace\":[\"ns\"]}").statusCode())
        .isEqualTo(200);
  }

  @AfterAll
  static void stop() throws Exception {
    floe.close();
  }

  @Test
  void aRetriedCommitGetsTheFirstAnswerAndCommitsOnce() throws Exception {
    String table = createTable("retried");
    Map<String, String> key = newKey();

    HttpResponse<String> first = commit(table, SET_PROPERTY.formatted("k", "v"), key);
    HttpResponse<String> retry = commit(table, SET_PROPERTY.formatted("k", "v"), key);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(retry.body())).isEqualTo(JSON.readTree(first.body()));
    assertThat(retry.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
    assertThat(metadataLog(table)).as("one commit after the create").hasSize(1);
  }

  @Test
  void theKeyReusedForAnotherCommitIsRefused() throws Exception {
    String table = createTable("reused");
    Map<String, String> key = newKey();
    commit(table, SET_PROPERTY.formatted("k", "first"), key);

    HttpResponse<String> reused = commit(table, SET_PROPERTY.formatted("k", "second"), key);

    assertThat(reused.statusCode()).isEqualTo(422);
    assertThat(load(table).path("metadata").path("properties").path("k").asText()).isEqualTo("first");
  }

  @Test
  void aRetryAfterManyLaterCommitsStillGetsItsOwnAnswer() throws Exception {
    String table = createTable("moved_on");
    Map<String, String> key = newKey();
    HttpResponse<String> first = commit(table, SET_PROPERTY.formatted("k", "0"), key);
    for (int i = 1; i <= 20; i++) {
      assertThat(commit(table, SET_PROPERTY.formatted("k", "" + i), newKey()).statusCode()).isEqualTo(200);
    }

    HttpResponse<String> retry = commit(table, SET_PROPERTY.formatted("k", "0"), key);
    HttpResponse<String> reused = commit(table, SET_PROPERTY.formatted("k", "other"), key);

    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(retry.body()).path("metadata-location"))
        .isEqualTo(JSON.readTree(first.body()).path("metadata-location"));
    assertThat(reused.statusCode()).isEqualTo(422);
    assertThat(metadataLog(table)).hasSize(21);
    assertThat(load(table).path("metadata").path("properties").path("k").asText()).isEqualTo("20");
  }

  @Test
  void aRetriedCreateGetsTheFirstTableAndCreatesNoOther() throws Exception {
    Map<String, String> key = newKey();
    String body = TABLE_JSON.formatted("created_once");

    HttpResponse<String> first = http.send("POST", "/_iceberg/v1/keyed/namespaces/ns/tables", body, key);
    HttpResponse<String> retry = http.send("POST", "/_iceberg/v1/keyed/namespaces/ns/tables", body, key);
    HttpResponse<String> reused =
        http.send("POST", "/_iceberg/v1/keyed/namespaces/ns/tables", TABLE_JSON.formatted("other"), key);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(retry.body())).isEqualTo(JSON.readTree(first.body()));
    assertThat(reused.statusCode()).isEqualTo(422);
    assertThat(load("/_iceberg/v1/keyed/namespaces/ns/tables/created_once").path("metadata").path("table-uuid"))
        .isEqualTo(JSON.readTree(first.body()).path("metadata").path("table-uuid"));
    assertThat(http.send("GET", "/_iceberg/v1/keyed/namespaces/ns/tables/other", null).statusCode())
        .isEqualTo(404);
  }

  @Test
  void aCreateInAMissingNamespaceIsRefusedAgainOnRetry() throws Exception {
    Map<String, String> key = newKey();
    String body = TABLE_JSON.formatted("nowhere");

    HttpResponse<String> first = http.send("POST", "/_iceberg/v1/keyed/namespaces/missing/tables", body, key);
    HttpResponse<String> retry = http.send("POST", "/_iceberg/v1/keyed/namespaces/missing/tables", body, key);

    assertThat(first.statusCode()).isEqualTo(404);
    assertThat(retry.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(retry.body())).isEqualTo(JSON.readTree(first.body()));
  }

  @Test
  void aCommitRefusedByItsRequirementsMayBeRetriedWithTheSameKey() throws Exception {
    String table = createTable("conflicted");
    Map<String, String> key = newKey();
    String wrongUuid =
        "{\"requirements\":[{\"type\":\"assert-table-uuid\",\"uuid\":\"" + UUID.randomUUID() + "\"}],"
            + "\"updates\":[{\"action\":\"set-properties\",\"updates\":{\"k\":\"v\"}}]}";

    HttpResponse<String> conflict = commit(table, wrongUuid, key);
    HttpResponse<String> again = commit(table, wrongUuid, key);

    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(again.statusCode()).as("a conflict is not final: the key was released").isEqualTo(409);
    assertThat(JSON.readTree(again.body()).path("error").path("message").asText())
        .doesNotContain("Idempotency-Key");
  }

  private static String createTable(String name) {
    HttpResponse<String> created =
        http.send("POST", "/_iceberg/v1/keyed/namespaces/ns/tables", TABLE_JSON.formatted(name));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    return "/_iceberg/v1/keyed/namespaces/ns/tables/" + name;
  }

  private static HttpResponse<String> commit(String table, String body, Map<String, String> key) {
    return http.send("POST", table, body, key);
  }

  private static JsonNode load(String table) throws Exception {
    HttpResponse<String> loaded = http.send("GET", table, null);
    assertThat(loaded.statusCode()).isEqualTo(200);
    return JSON.readTree(loaded.body());
  }

  private static JsonNode metadataLog(String table) throws Exception {
    return load(table).path("metadata").path("metadata-log");
  }

  private static Map<String, String> newKey() {
    return Map.of("Idempotency-Key", UUID.randomUUID().toString());
  }
}
