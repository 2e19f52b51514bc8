package dev.floe.catalog.warehouse;

import org.apache.iceberg.exceptions.NotFoundException;

/** No warehouse by that name is registered. */
public final class NoSuchWarehouseException extends NotFoundException {

  public NoSuchWarehouseException(String name) {
    super("Warehouse does not exist: %s", name);
  }
}
