package dev.floe.catalog.warehouse;

import java.util.Arrays;
import java.util.List;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;

/** A table identifier as stored in catalog objects: the namespace levels and the name. */
record StoredIdentifier(List<String> namespace, String name) {

  StoredIdentifier {
    namespace = List.copyOf(namespace);
  }

  static StoredIdentifier of(TableIdentifier identifier) {
    return new StoredIdentifier(Arrays.asList(identifier.namespace().levels()), identifier.name());
  }

  TableIdentifier toIdentifier() {
    return TableIdentifier.of(Namespace.of(namespace.toArray(String[]::new)), name);
  }
}
