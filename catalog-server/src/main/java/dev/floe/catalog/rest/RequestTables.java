package dev.floe.catalog.rest;

import dev.floe.catalog.warehouse.FloeCatalog;
import dev.floe.catalog.warehouse.FloeCatalog.TablePointer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * The table pointers one request has read, so that authorization (which needs a table's uuid) and
 * the route (which needs its metadata location) read each pointer once: the request then acts on
 * one consistent view of the table. One instance per request, used by its one thread.
 */
final class RequestTables {
  private final Map<Key, Optional<TablePointer>> read = new HashMap<>();

  Optional<TablePointer> pointer(FloeCatalog catalog, String warehouse, TableIdentifier ident) {
    return read.computeIfAbsent(new Key(warehouse, ident), key -> catalog.tablePointer(ident));
  }

  private record Key(String warehouse, TableIdentifier ident) {}
}
