package dev.floe.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.floe.catalog.rest.Route;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.ForbiddenException;
import org.apache.iceberg.rest.RESTCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog enforces {@code s3tables:} policies on every route: users with warehouse-,
 * namespace- and table-scoped policies try every {@link Route}, and exactly what their policies
 * allow gets past authorization; everything else is a 403 naming the action and the resource.
 */
class CatalogAuthorizationTest {
  private static final String WAREHOUSE = "my-warehouse";
  private static final String OTHER_WAREHOUSE = "other-warehouse";
  private static final String READ_ONLY_POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"S3TablesReadOnlyWarehouse\",\"Effect\":\"Allow\","
          + "\"Action\":[\"s3tables:GetTableBucket\",\"s3tables:ListNamespaces\",\"s3tables:GetNamespace\","
          + "\"s3tables:ListTables\",\"s3tables:GetTable\"],\"Resource\":[\"arn:aws:s3tables:::bucket/my-warehouse\","
          + "\"arn:aws:s3tables:::bucket/my-warehouse/table/*\"]}]}";
  private static final String BUCKET = "arn:aws:s3tables:::bucket/" + WAREHOUSE;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dataDir;
  private static FloeTestServer server;
  private static SignedHttp root;
  private static String tableUuid;
  private static CatalogRouteRequests requests;

  @BeforeAll
  static void startServerWithFixtures() throws Exception {
    server = FloeTestServer.start(dataDir);
    root = server.http();
    for (String warehouse : List.of(WAREHOUSE, OTHER_WAREHOUSE)) {
      server.createWarehouse(warehouse);
      for (String namespace : List.of("ns", "other")) {
        ok(root.send("POST", "/_iceberg/v1/" + warehouse + "/namespaces", "{\"namespace\":[\"" + namespace + "\"]}"));
        ok(root.send("POST", tables(warehouse, namespace), CatalogRouteRequests.createTable("t")));
      }
    }
    ok(root.send("POST", "/_iceberg/v1/" + WAREHOUSE + "/namespaces/ns/views", CatalogRouteRequests.createView("v", "ns")));
    JsonNode table = json(ok(root.send("GET", tables(WAREHOUSE, "ns") + "/t", null)));
    tableUuid = table.at("/metadata/table-uuid").asText();
    JsonNode view = json(ok(root.send("GET", "/_iceberg/v1/" + WAREHOUSE + "/namespaces/ns/views/v", null)));
    requests =
        new CatalogRouteRequests(
            WAREHOUSE, tableUuid, table.get("metadata-location").asText(), view.get("metadata-location").asText());

    server.addUser("reader", READ_ONLY_POLICY);
    server.addUser(
        "wide",
        policy(allow("\"s3tables:*\"", "\"" + BUCKET + "\",\"" + BUCKET + "/table/*\",\"" + BUCKET + "/view/*\"")));
    server.addUser(
        "guarded",
        policy(
            allow("\"s3tables:*\"", "\"" + BUCKET + "\",\"" + BUCKET + "/table/*\",\"" + BUCKET + "/view/*\""),
            deny("\"s3tables:DeleteTable\",\"s3tables:UpdateTableMetadataLocation\"", "\"" + BUCKET + "/table/*\""),
            deny("\"s3tables:DeleteNamespace\"", "\"" + BUCKET + "\"")));
    server.addUser(
        "scoped",
        policy(
            allow("\"s3tables:GetTableBucket\"", "\"" + BUCKET + "\""),
            "{\"Effect\":\"Allow\",\"Action\":[\"s3tables:GetNamespace\",\"s3tables:ListTables\","
                + "\"s3tables:CreateTable\",\"s3tables:ListViews\"],\"Resource\":\"" + BUCKET + "\","
                + "\"Condition\":{\"StringEquals\":{\"s3tables:namespace\":\"ns\"}}}",
            allow(
                "\"s3tables:GetTable\",\"s3tables:UpdateTableMetadataLocation\",\"s3tables:DeleteTable\","
                    + "\"s3tables:RenameTable\"",
                "\"" + BUCKET + "/table/ns/*\"")));
    server.addUser(
        "byuuid",
        policy(
            allow(
                "\"s3tables:GetTable\",\"s3tables:UpdateTableMetadataLocation\"",
                "\"" + BUCKET + "/table/" + tableUuid + "\"")));
    server.addUser(
        "notthat",
        policy(
            allow("\"s3tables:GetTable\"", "\"" + BUCKET + "/table/*\""),
            deny("\"s3tables:GetTable\"", "\"" + BUCKET + "/table/" + tableUuid + "\"")));
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theReadOnlyWarehousePolicyReadsEveryRouteItNamesAndChangesNothing() {
    assertRoutes(
        "reader",
        EnumSet.of(
            Route.CONFIG,
            Route.GET_WAREHOUSE,
            Route.LIST_NAMESPACES,
            Route.LOAD_NAMESPACE,
            Route.NAMESPACE_EXISTS,
            Route.LIST_TABLES,
            Route.LOAD_TABLE,
            Route.TABLE_EXISTS,
            Route.REPORT_METRICS));
  }

  @Test
  void theReadOnlyWarehousePolicyListsAndLoadsEveryNamespaceAndTableThroughAnIcebergClient()
      throws Exception {
    try (RESTCatalog catalog = catalogAs("reader", WAREHOUSE)) {
      assertThat(catalog.listNamespaces()).containsExactlyInAnyOrder(Namespace.of("ns"), Namespace.of("other"));
      assertThat(catalog.loadNamespaceMetadata(Namespace.of("other"))).isNotNull();
      for (String namespace : List.of("ns", "other")) {
        assertThat(catalog.listTables(Namespace.of(namespace))).containsExactly(TableIdentifier.of(namespace, "t"));
        assertThat(catalog.loadTable(TableIdentifier.of(namespace, "t")).schema().columns()).hasSize(1);
        assertThat(catalog.tableExists(TableIdentifier.of(namespace, "t"))).isTrue();
      }
      assertThatThrownBy(() -> catalog.dropTable(TableIdentifier.of("ns", "t")))
          .isInstanceOf(ForbiddenException.class)
          .hasMessageContaining("s3tables:DeleteTable on " + BUCKET + "/table/ns/t");
    }
  }

  @Test
  void theReadOnlyWarehousePolicyGrantsNothingInAnotherWarehouse() {
    SignedHttp reader = server.as("reader");
    String other = "/_iceberg/v1/" + OTHER_WAREHOUSE;
    assertForbidden(reader.send("GET", "/_iceberg/v1/config?warehouse=" + OTHER_WAREHOUSE, null), "s3tables:GetTableBucket");
    assertForbidden(reader.send("GET", other + "/namespaces", null), "s3tables:ListNamespaces");
    assertForbidden(reader.send("GET", other + "/namespaces/ns/tables/t", null), "s3tables:GetTable");
    assertThatThrownBy(() -> catalogAs("reader", OTHER_WAREHOUSE)).isInstanceOf(ForbiddenException.class);
  }

  @Test
  void aWarehouseWidePolicyAllowsEveryRouteInThatWarehouse() {
    assertRoutes("wide", except(Route.LIST_WAREHOUSES));
  }

  @Test
  void anExplicitDenyOverridesAnAllow() {
    assertRoutes(
        "guarded",
        except(Route.LIST_WAREHOUSES, Route.DROP_TABLE, Route.UPDATE_TABLE, Route.COMMIT_TRANSACTION, Route.DROP_NAMESPACE));
  }

  @Test
  void aNamespaceConditionAndANamespaceArnConfineAUserToOneNamespace() {
    assertRoutes(
        "scoped",
        EnumSet.of(
            Route.CONFIG,
            Route.GET_WAREHOUSE,
            Route.LOAD_NAMESPACE,
            Route.NAMESPACE_EXISTS,
            Route.LIST_TABLES,
            Route.CREATE_TABLE,
            Route.LOAD_TABLE,
            Route.TABLE_EXISTS,
            Route.UPDATE_TABLE,
            Route.DROP_TABLE,
            Route.RENAME_TABLE,
            Route.REPORT_METRICS,
            Route.COMMIT_TRANSACTION,
            Route.LIST_VIEWS));
    SignedHttp scoped = server.as("scoped");
    String api = "/_iceberg/v1/" + WAREHOUSE;
    assertForbidden(scoped.send("GET", api + "/namespaces/other/tables", null), "s3tables:ListTables on " + BUCKET);
    assertForbidden(scoped.send("GET", api + "/namespaces/other/tables/t", null), BUCKET + "/table/other/t");
    assertForbidden(
        scoped.send("POST", api + "/tables/rename",
            "{\"source\":{\"namespace\":[\"ns\"],\"name\":\"t\"},\"destination\":{\"namespace\":[\"other\"],\"name\":\"t2\"}}"),
        "s3tables:CreateTable on " + BUCKET);
  }

  @Test
  void aPolicyNamingATableByItsUuidGrantsThatTableOnly() {
    assertRoutes(
        "byuuid",
        EnumSet.of(Route.LOAD_TABLE, Route.TABLE_EXISTS, Route.UPDATE_TABLE, Route.REPORT_METRICS, Route.COMMIT_TRANSACTION));
    assertForbidden(server.as("byuuid").send("GET", tables(WAREHOUSE, "other") + "/t", null), BUCKET + "/table/other/t");
  }

  @Test
  void aDenyByUuidWinsOverAnAllowByName() {
    SignedHttp user = server.as("notthat");
    assertForbidden(user.send("GET", tables(WAREHOUSE, "ns") + "/t", null), "s3tables:GetTable");
    assertThat(user.send("GET", tables(WAREHOUSE, "other") + "/t", null).statusCode()).isEqualTo(200);
  }

  @Test
  void aDeniedLoadLooksTheSameWhetherOrNotTheTableExists() {
    SignedHttp user = server.as("byuuid");
    HttpResponse<String> existing = user.send("GET", tables(WAREHOUSE, "other") + "/t", null);
    HttpResponse<String> missing = user.send("GET", tables(WAREHOUSE, "other") + "/nope", null);
    assertThat(missing.statusCode()).isEqualTo(existing.statusCode()).isEqualTo(403);
    assertThat(missing.body().replace("/other/nope", "/other/t")).isEqualTo(existing.body());
    HttpResponse<String> existingHead = user.send("HEAD", tables(WAREHOUSE, "other") + "/t", null);
    HttpResponse<String> missingHead = user.send("HEAD", tables(WAREHOUSE, "other") + "/nope", null);
    assertThat(missingHead.statusCode()).isEqualTo(existingHead.statusCode()).isEqualTo(403);
  }

  @Test
  void rootBypassesPolicies() {
    assertRoutes(root, EnumSet.allOf(Route.class));
  }

  private static void assertRoutes(String user, Set<Route> allowed) {
    assertRoutes(server.as(user), allowed);
  }

  /** Tries every route; collects every mismatch so one run shows the whole matrix row. */
  private static void assertRoutes(SignedHttp http, Set<Route> allowed) {
    List<String> mismatches = new ArrayList<>();
    for (Route route : Route.values()) {
      CatalogRouteRequests.HttpCall call = requests.on(route);
      HttpResponse<String> response = http.send(call.method(), call.path(), call.body());
      int status = response.statusCode();
      if (allowed.contains(route)) {
        if (status == 401 || status == 403 || status >= 500) {
          mismatches.add(route + " should pass authorization but got " + status + " " + response.body());
        }
        undo(route, status);
      } else if (status != 403
          || (!call.method().equals("HEAD") && !response.body().contains("may not perform"))) {
        mismatches.add(route + " should be refused with 403 but got " + status + " " + response.body());
      }
    }
    assertThat(mismatches).isEmpty();
  }

  /** Puts back what an authorized drop or rename took away, keeping the table's uuid. */
  private static void undo(Route route, int status) {
    if (status / 100 != 2) {
      return;
    }
    String api = "/_iceberg/v1/" + WAREHOUSE;
    switch (route) {
      case DROP_TABLE ->
          ok(root.send("POST", api + "/namespaces/ns/register", CatalogRouteRequests.register("t", requests.tableMetadata())));
      case RENAME_TABLE -> ok(root.send("POST", api + "/tables/rename", CatalogRouteRequests.rename("ns", "t_renamed", "t")));
      case DROP_VIEW ->
          ok(root.send("POST", api + "/namespaces/ns/register-view", CatalogRouteRequests.register("v", requests.viewMetadata())));
      case RENAME_VIEW -> ok(root.send("POST", api + "/views/rename", CatalogRouteRequests.rename("ns", "v_renamed", "v")));
      default -> { }
    }
  }

  private static Set<Route> except(Route... refused) {
    Set<Route> allowed = EnumSet.allOf(Route.class);
    allowed.removeAll(List.of(refused));
    return allowed;
  }

  private static void assertForbidden(HttpResponse<String> response, String expectedInMessage) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    JsonNode error = json(response).get("error");
    assertThat(error.get("type").asText()).isEqualTo("ForbiddenException");
    assertThat(error.get("message").asText()).contains("may not perform").contains(expectedInMessage);
  }

  private static RESTCatalog catalogAs(String user, String warehouse) {
    Map<String, String> properties = server.clientProperties(warehouse);
    properties.put("rest.access-key-id", user);
    properties.put("rest.secret-access-key", FloeTestServer.secretOf(user));
    RESTCatalog catalog = new RESTCatalog();
    catalog.initialize("floe", properties);
    return catalog;
  }

  private static String policy(String... statements) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
  }

  private static String allow(String actions, String resources) {
    return "{\"Effect\":\"Allow\",\"Action\":[" + actions + "],\"Resource\":[" + resources + "]}";
  }

  private static String deny(String actions, String resources) {
    return "{\"Effect\":\"Deny\",\"Action\":[" + actions + "],\"Resource\":[" + resources + "]}";
  }

  private static String tables(String warehouse, String namespace) {
    return "/_iceberg/v1/" + warehouse + "/namespaces/" + namespace + "/tables";
  }

  private static HttpResponse<String> ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    return response;
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
