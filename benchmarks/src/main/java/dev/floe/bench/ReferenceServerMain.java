package dev.floe.bench;

import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.aws.s3.S3FileIO;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.rest.RESTCatalogAdapter;
import org.apache.iceberg.rest.RESTCatalogServlet;
import org.eclipse.jetty.compression.gzip.GzipCompression;
import org.eclipse.jetty.compression.server.CompressionHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The reference contender's process: Iceberg's reference REST server, that is
 * {@code RESTCatalogServlet} over {@code RESTCatalogAdapter} over a {@link JdbcCatalog} on SQLite,
 * with gzip, wired exactly as {@code RESTCatalogServer} (iceberg-open-api test fixtures) wires it.
 * That class cannot be used as is: it binds every network interface and takes its settings only
 * from the environment, while a benchmark must stay on 127.0.0.1.
 *
 * <p>Arguments: port, SQLite database file, warehouse location, store endpoint; store keys from
 * the environment. The database is a file, not {@code :memory:}: JdbcCatalog pools connections and
 * every in-memory SQLite connection is a separate, empty database once writers run concurrently.
 * It runs in WAL mode without fsync, because the shared store (S3Proxy's filesystem backend) never
 * fsyncs either: neither contender pays for a durability the other skips.
 */
public final class ReferenceServerMain {

  private ReferenceServerMain() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    Map<String, String> properties = new HashMap<>();
    properties.put(CatalogProperties.CATALOG_IMPL, JdbcCatalog.class.getName());
    properties.put(CatalogProperties.URI, "jdbc:sqlite:" + args[1]);
    properties.put("jdbc.schema-version", "V1");
    properties.put("jdbc.journal_mode", "WAL");
    properties.put("jdbc.synchronous", "OFF");
    properties.put(CatalogProperties.WAREHOUSE_LOCATION, args[2]);
    properties.put(CatalogProperties.FILE_IO_IMPL, S3FileIO.class.getName());
    properties.put("s3.endpoint", args[3]);
    properties.put("s3.path-style-access", "true");
    properties.put("s3.access-key-id", System.getenv(SharedStore.ACCESS_KEY_VARIABLE));
    properties.put("s3.secret-access-key", System.getenv(SharedStore.SECRET_KEY_VARIABLE));
    properties.put("client.region", SharedStore.REGION);
    Catalog catalog = CatalogUtil.buildIcebergCatalog("rest_backend", properties, null);

    ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
    context.addServlet(new ServletHolder(new RESTCatalogServlet(new RESTCatalogAdapter(catalog))), "/*");
    CompressionHandler compression = new CompressionHandler();
    compression.putCompression(new GzipCompression());
    context.insertHandler(compression);

    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(context);
    server.start();
    server.join();
  }
}
