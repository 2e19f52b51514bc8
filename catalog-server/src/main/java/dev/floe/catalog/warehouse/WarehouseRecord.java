package dev.floe.catalog.warehouse;

import java.time.Instant;
import java.util.Map;

/** A warehouse: one bucket of the backing store named like the warehouse. */
public record WarehouseRecord(
    String name, String id, Instant created, Map<String, String> properties) {

  public WarehouseRecord {
    properties = Map.copyOf(properties == null ? Map.of() : properties);
  }
}
