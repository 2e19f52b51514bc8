package dev.floe.catalog.warehouse;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;

/** The object layout of one warehouse bucket (DESIGN §3). */
final class CatalogKeys {
  static final String WAREHOUSE = ".floe/warehouse.json";
  static final String NAMESPACES = ".floe/namespaces/";
  static final String NAMES = ".floe/tables/";
  static final String ENTITIES = ".floe/entities/";
  static final String TRANSACTIONS = ".floe/txn/";
  private static final String JSON = ".json";

  private CatalogKeys() {}

  static String namespace(Namespace namespace) {
    return NAMESPACES + KeySegment.encode(Arrays.asList(namespace.levels())) + JSON;
  }

  /** The namespace a namespace key names, or empty when the key is hashed (read the object). */
  static Optional<Namespace> namespaceOf(String key) {
    if (!key.startsWith(NAMESPACES) || !key.endsWith(JSON)) {
      return Optional.empty();
    }
    String segment = key.substring(NAMESPACES.length(), key.length() - JSON.length());
    return KeySegment.decode(segment).map(levels -> Namespace.of(levels.toArray(String[]::new)));
  }

  static String name(TableIdentifier identifier) {
    return namesIn(identifier.namespace()) + KeySegment.encode(List.of(identifier.name())) + JSON;
  }

  static String namesIn(Namespace namespace) {
    return NAMES + KeySegment.encode(Arrays.asList(namespace.levels())) + "/";
  }

  static String entity(String uuid) {
    return ENTITIES + UUID.fromString(uuid) + JSON;
  }

  static String transaction(String id) {
    return TRANSACTIONS + UUID.fromString(id) + JSON;
  }

  /** Everything a table or view owns: {@code <uuid>/metadata/…} and {@code <uuid>/data/…}. */
  static String filesOf(String uuid) {
    return UUID.fromString(uuid) + "/";
  }
}
