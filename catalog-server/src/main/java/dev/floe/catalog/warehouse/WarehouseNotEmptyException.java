package dev.floe.catalog.warehouse;

/** A warehouse still holds namespaces or table files and purge was not asked for. */
public final class WarehouseNotEmptyException extends RuntimeException {

  public WarehouseNotEmptyException(String message) {
    super(message);
  }
}
