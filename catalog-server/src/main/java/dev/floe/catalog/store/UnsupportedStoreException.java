package dev.floe.catalog.store;

/** The backing store cannot keep the catalog consistent (it ignores conditional writes). */
public final class UnsupportedStoreException extends RuntimeException {

  public UnsupportedStoreException(String message) {
    super(message);
  }
}
