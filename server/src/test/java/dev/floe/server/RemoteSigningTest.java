package dev.floe.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote signing: the catalog signs a client's S3 requests for a table's files ({@code POST
 * …/tables/{t}/sign}, and {@code /v1/aws/s3/sign} for older clients) with credentials scoped like
 * vended ones, so the signed request works on Floe's S3 API for that table only, and only for
 * writing when the caller may write.
 */
class RemoteSigningTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Schema SCHEMA = new Schema(Types.NestedField.required(1, "id", Types.LongType.get()));

  @TempDir static Path dataDir;
  private static FloeTestServer floe;
  private static SignedHttp root;
  private static String events;
  private static String other;

  @BeforeAll
  static void startServerWithTablesAndUsers() throws Exception {
    floe = FloeTestServer.start(dataDir);
    root = floe.http();
    floe.createWarehouse("lake");
    try (RESTCatalog catalog = floe.catalog("lake")) {
      catalog.createNamespace(Namespace.of("ns"));
      events = FloeTestServer.uuidOf(catalog.createTable(TableIdentifier.of("ns", "events"), SCHEMA));
      other = FloeTestServer.uuidOf(catalog.createTable(TableIdentifier.of("ns", "other"), SCHEMA));
    }
    ok(root.send("PUT", "/lake/" + events + "/data/seed.parquet", "seed"));
    floe.addUserAllowedOnTables("reader", "lake", "s3tables:GetTable", "s3tables:GetTableData");
    floe.addUserAllowedOnTables("writer", "lake", "s3tables:GetTableBucket", "s3tables:GetTable", "s3tables:GetTableData", "s3tables:PutTableData");
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (floe != null) {
      floe.close();
    }
  }

  @Test
  void aSignedReadOfTheTablesFileWorksOnTheS3Api() throws Exception {
    HttpResponse<String> signed = sign(floe.as("reader"), "/_iceberg/v1/lake/namespaces/ns/tables/events/sign", "GET", events + "/data/seed.parquet");
    assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
    assertThat(signed.headers().firstValue("Cache-Control")).hasValue("no-cache");
    HttpResponse<String> read = sendSigned("GET", events + "/data/seed.parquet", signed, null);
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    assertThat(read.body()).isEqualTo("seed");
  }

  @Test
  void olderClientsSignThroughTheLocationEndpoint() throws Exception {
    HttpResponse<String> signed = sign(floe.as("reader"), "/_iceberg/v1/aws/s3/sign", "GET", events + "/data/seed.parquet");
    assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
    assertThat(sendSigned("GET", events + "/data/seed.parquet", signed, null).body()).isEqualTo("seed");
  }

  @Test
  void theLocationEndpointHonoursPoliciesThatNameTheTable() throws Exception {
    floe.addUser(
        "named",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3tables:GetTableData\","
            + "\"Resource\":\"arn:aws:s3tables:::bucket/lake/table/ns/events\"}]}");
    HttpResponse<String> signed = sign(floe.as("named"), "/_iceberg/v1/aws/s3/sign", "GET", events + "/data/seed.parquet");
    assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
    assertThat(sendSigned("GET", events + "/data/seed.parquet", signed, null).body()).isEqualTo("seed");
    assertThat(sign(floe.as("named"), "/_iceberg/v1/aws/s3/sign", "GET", other + "/data/seed.parquet").statusCode())
        .isEqualTo(403);
  }

  @Test
  void aReaderGetsNoSignatureForAWrite() {
    HttpResponse<String> refused = sign(floe.as("reader"), "/_iceberg/v1/lake/namespaces/ns/tables/events/sign", "PUT", events + "/data/x.parquet");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("may not perform s3tables:PutTableData");
    HttpResponse<String> legacy = sign(floe.as("reader"), "/_iceberg/v1/aws/s3/sign", "PUT", events + "/data/x.parquet");
    assertThat(legacy.statusCode()).isEqualTo(403);
  }

  @Test
  void aTablesEndpointSignsForItsOwnFilesOnly() {
    HttpResponse<String> refused = sign(floe.as("writer"), "/_iceberg/v1/lake/namespaces/ns/tables/events/sign", "GET", other + "/data/seed.parquet");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("signs requests for its own files only");
    HttpResponse<String> notATable = sign(floe.as("writer"), "/_iceberg/v1/aws/s3/sign", "GET", ".floe/registry.json");
    assertThat(notATable.statusCode()).isEqualTo(403);
  }

  @Test
  void aSignatureForOneFileDoesNotReachAnotherTable() throws Exception {
    HttpResponse<String> signed = sign(floe.as("writer"), "/_iceberg/v1/aws/s3/sign", "GET", events + "/data/seed.parquet");
    JsonNode headers = JSON.readTree(signed.body()).get("headers");
    String token = headers.get("x-amz-security-token") != null ? "x-amz-security-token" : "X-Amz-Security-Token";
    assertThat(headers.get(token)).as("signed with session credentials").isNotNull();
    HttpResponse<String> moved = sendSigned("GET", other + "/data/seed.parquet", signed, null);
    assertThat(moved.statusCode()).isEqualTo(403);
  }

  @Test
  void anIcebergClientWritesAndReadsTableFilesThroughRemoteSigning() throws Exception {
    Map<String, String> properties = new HashMap<>(floe.clientProperties("lake"));
    properties.put("rest.access-key-id", "writer");
    properties.put("rest.secret-access-key", FloeTestServer.secretOf("writer"));
    properties.remove("s3.access-key-id");
    properties.remove("s3.secret-access-key");
    properties.put("header.X-Iceberg-Access-Delegation", "remote-signing");
    try (RESTCatalog catalog = new RESTCatalog()) {
      catalog.initialize("floe", properties);
      Table table = catalog.loadTable(TableIdentifier.of("ns", "events"));
      String file = table.location() + "/data/remote-signed.bin";
      try (OutputStream out = table.io().newOutputFile(file).create()) {
        out.write("written through a signature from the catalog".getBytes(StandardCharsets.UTF_8));
      }
      try (InputStream in = table.io().newInputFile(file).newStream()) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
            .isEqualTo("written through a signature from the catalog");
      }
    }
  }

  private static HttpResponse<String> sign(SignedHttp caller, String endpoint, String method, String key) {
    ObjectNode body = JSON.createObjectNode();
    body.put("region", "us-east-1");
    body.put("method", method);
    body.put("uri", floe.server().endpoint() + "/lake/" + key);
    body.putObject("headers").putArray("amz-sdk-request").add("attempt=1; max=3");
    body.put("provider", "s3");
    return caller.send("POST", endpoint, body.toString());
  }

  /** Sends the request the signature was made for, to {@code key}, with the headers the catalog returned. */
  private static HttpResponse<String> sendSigned(String method, String key, HttpResponse<String> signed, String body)
      throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = JSON.readTree(signed.body()).get("headers").fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      headers.put(field.getKey(), field.getValue().get(0).asText());
    }
    return root.sendUnsigned(method, "/lake/" + key, body, headers);
  }

  private static void ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
  }
}
