package dev.floe.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.RESTCatalog;

/**
 * Iceberg's reference REST server on JdbcCatalog/SQLite, keeping its table files in a bucket of
 * the shared store. It has no S3 front of its own, so its clients (and the server) reach the store
 * directly with the store's keys.
 */
final class ReferenceContender implements CatalogUnderTest {
  private static final String BUCKET = "bench-reference";

  private final ServerProcess process;
  private final URI endpoint;
  private final SharedStore store;

  private ReferenceContender(ServerProcess process, URI endpoint, SharedStore store) {
    this.process = process;
    this.endpoint = endpoint;
    this.store = store;
  }

  static ReferenceContender start(SharedStore store, Path workDir, Path logs) throws Exception {
    store.createBucket(BUCKET);
    int port = ServerProcess.freeLoopbackPort();
    URI endpoint = URI.create("http://127.0.0.1:" + port);
    ServerProcess process =
        ServerProcess.launch(
            "Reference",
            ReferenceServerMain.class,
            List.of(
                String.valueOf(port),
                workDir.resolve("reference-catalog.db").toString(),
                "s3://" + BUCKET + "/",
                store.endpoint().toString()),
            store.keysForServerProcess(),
            logs.resolve("reference.log"),
            endpoint.resolve("/v1/config"));
    return new ReferenceContender(process, endpoint, store);
  }

  @Override
  public String name() {
    return "Reference";
  }

  @Override
  public RESTCatalog connect(boolean tableCache) {
    RESTCatalog catalog = new RESTCatalog();
    catalog.initialize(
        "reference",
        ClientProperties.forCatalog(endpoint, store.endpoint(), store.accessKey(), store.secretKey(), tableCache));
    return catalog;
  }

  @Override
  public HttpRequest loadTableRequest(TableIdentifier table, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
            endpoint.resolve("/v1/namespaces/" + table.namespace().level(0) + "/tables/" + table.name()));
    headers.forEach(request::header);
    return request.GET().build();
  }

  @Override
  public void close() {
    process.close();
  }
}
