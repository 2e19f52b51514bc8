package dev.floe.catalog.warehouse;

import java.util.List;
import java.util.Map;

/** The namespace object {@code .floe/namespaces/<ns>.json}: its levels and properties. */
record NamespaceRecord(List<String> namespace, Map<String, String> properties) {

  NamespaceRecord {
    namespace = List.copyOf(namespace);
    // Iceberg's response builders probe maps with containsKey(null), which Map.copyOf refuses.
    properties =
        java.util.Collections.unmodifiableMap(
            new java.util.LinkedHashMap<>(properties == null ? Map.of() : properties));
  }
}
