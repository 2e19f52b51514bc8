package dev.floe.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.rest.RESTCatalog;

/** A real Floe on a free loopback port over an embedded store in a temporary directory. */
final class FloeTestServer implements AutoCloseable {
  private final FloeServer server;

  private FloeTestServer(FloeServer server) {
    this.server = server;
  }

  static FloeTestServer start(Path dataDir) throws Exception {
    return new FloeTestServer(FloeServer.start(FloeConfig.forTesting(dataDir)));
  }

  FloeServer server() {
    return server;
  }

  SignedHttp http() {
    return new SignedHttp(server.endpoint(), server.rootAccessKey(), server.rootSecretKey());
  }

  /** A user's secret key in tests: its access key with {@code -secret-key} appended. */
  static String secretOf(String user) {
    return user + "-secret-key";
  }

  /** Requests signed with {@code user}'s key (see {@link #secretOf}). */
  SignedHttp as(String user) {
    return new SignedHttp(server.endpoint(), user, secretOf(user));
  }

  /** Adds {@code user} with one access key and attaches a new policy holding {@code policyDocument}. */
  void addUser(String user, String policyDocument) {
    SignedHttp root = http();
    succeeds(root.send("POST", "/_floe/v1/admin/users",
        "{\"access-key\":\"" + user + "\",\"secret-key\":\"" + secretOf(user) + "\"}"));
    String policy = user + "-policy";
    succeeds(root.send("POST", "/_floe/v1/admin/policies",
        "{\"name\":\"" + policy + "\",\"document\":" + quoted(policyDocument) + "}"));
    succeeds(root.send("POST", "/_floe/v1/admin/policies/" + policy + "/attach", "{\"user\":\"" + user + "\"}"));
  }

  /** Adds {@code user} allowed {@code actions} on the warehouse's bucket and on every table in it. */
  void addUserAllowedOnTables(String user, String warehouse, String... actions) {
    String bucket = "arn:aws:s3tables:::bucket/" + warehouse;
    addUser(
        user,
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\""
            + String.join("\",\"", actions)
            + "\"],\"Resource\":[\""
            + bucket
            + "\",\""
            + bucket
            + "/table/*\"]}]}");
  }

  /** The table's uuid, which names its location in the warehouse bucket. */
  static String uuidOf(Table table) {
    return ((HasTableOperations) table).operations().current().uuid();
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static void succeeds(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
  }

  void createWarehouse(String name) {
    HttpResponse<String> response =
        http().send("POST", "/_iceberg/v1/warehouses", "{\"name\":\"" + name + "\",\"upgrade-existing\":false}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  /** Properties a user gives an Iceberg REST client for this server: SigV4, files through Floe. */
  Map<String, String> clientProperties(String warehouse) {
    Map<String, String> properties = new HashMap<>();
    properties.put(CatalogProperties.URI, server.endpoint() + "/_iceberg");
    properties.put(CatalogProperties.WAREHOUSE_LOCATION, warehouse);
    properties.put("rest.sigv4-enabled", "true");
    properties.put("rest.signing-name", "s3tables");
    properties.put("rest.signing-region", "us-east-1");
    properties.put("rest.access-key-id", server.rootAccessKey());
    properties.put("rest.secret-access-key", server.rootSecretKey());
    properties.put(CatalogProperties.FILE_IO_IMPL, "org.apache.iceberg.aws.s3.S3FileIO");
    properties.put("s3.endpoint", server.endpoint().toString());
    properties.put("s3.path-style-access", "true");
    properties.put("s3.access-key-id", server.rootAccessKey());
    properties.put("s3.secret-access-key", server.rootSecretKey());
    properties.put("client.region", "us-east-1");
    return properties;
  }

  RESTCatalog catalog(String warehouse) {
    RESTCatalog catalog = new RESTCatalog();
    catalog.initialize("floe", clientProperties(warehouse));
    return catalog;
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}
