package dev.floe.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.RESTCatalog;

/**
 * Floe fronting the shared store as an external store, with one warehouse. Its clients sign with
 * SigV4 (signing name {@code s3tables}) and reach table files through Floe's own S3 endpoint, as
 * Floe's users do.
 */
final class FloeContender implements CatalogUnderTest {
  static final String WAREHOUSE = "bench";
  private static final String ROOT_USER = "bench-root";

  private final ServerProcess process;
  private final URI endpoint;
  private final String rootPassword;
  private final SigV4Requests signer;

  private FloeContender(ServerProcess process, URI endpoint, String rootPassword) {
    this.process = process;
    this.endpoint = endpoint;
    this.rootPassword = rootPassword;
    this.signer = new SigV4Requests(ROOT_USER, rootPassword, "s3tables", SharedStore.REGION);
  }

  static FloeContender start(SharedStore store, Path workDir, Path logs) throws Exception {
    int port = ServerProcess.freeLoopbackPort();
    URI endpoint = URI.create("http://127.0.0.1:" + port);
    String rootPassword = RandomKeys.hex(20);
    ServerProcess process =
        FloeServerMain.launchFronting(store, endpoint, ROOT_USER, rootPassword, workDir, logs.resolve("floe.log"));
    FloeContender floe = new FloeContender(process, endpoint, rootPassword);
    try {
      floe.createWarehouse();
    } catch (Exception e) {
      floe.close();
      throw e;
    }
    return floe;
  }

  private void createWarehouse() throws Exception {
    HttpRequest request =
        signer.postJson(endpoint.resolve("/_iceberg/v1/warehouses"), "{\"name\":\"" + WAREHOUSE + "\"}");
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "Floe refused to create warehouse " + WAREHOUSE + ": " + response.statusCode() + " " + response.body());
    }
  }

  @Override
  public String name() {
    return "Floe";
  }

  @Override
  public RESTCatalog connect(boolean tableCache) {
    Map<String, String> properties =
        ClientProperties.forFloe(endpoint, WAREHOUSE, ROOT_USER, rootPassword, tableCache);
    RESTCatalog catalog = new RESTCatalog();
    catalog.initialize("floe", properties);
    return catalog;
  }

  @Override
  public HttpRequest loadTableRequest(TableIdentifier table, Map<String, String> headers) {
    return signer.get(
        endpoint.resolve(
            "/_iceberg/v1/" + WAREHOUSE + "/namespaces/" + table.namespace().level(0) + "/tables/" + table.name()),
        headers);
  }

  @Override
  public void close() {
    process.close();
  }
}
