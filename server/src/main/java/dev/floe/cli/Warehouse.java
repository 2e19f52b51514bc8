package dev.floe.cli;

import java.util.Map;

/** A warehouse as the server's warehouse API describes it. */
public record Warehouse(String name, String id, String createdAt, Map<String, String> properties) {
  public Warehouse {
    properties = properties == null ? Map.of() : Map.copyOf(properties);
  }
}
