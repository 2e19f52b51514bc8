package dev.floe.bench;

import java.net.http.HttpRequest;
import java.util.Map;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.RESTCatalog;

/** One contender: a running catalog server and the way a user's client talks to it. */
interface CatalogUnderTest extends AutoCloseable {

  String name();

  /**
   * An Iceberg {@link RESTCatalog} configured as a user would configure it for this server.
   *
   * @param tableCache whether the client keeps its ETag table cache ({@code
   *     rest-table-cache.max-entries}), which turns repeated loads into conditional requests
   */
  RESTCatalog connect(boolean tableCache);

  /** The loadTable request as a client sends it on the wire (signed where the server wants it). */
  HttpRequest loadTableRequest(TableIdentifier table, Map<String, String> headers);

  /** Stops the server. */
  @Override
  void close();
}
