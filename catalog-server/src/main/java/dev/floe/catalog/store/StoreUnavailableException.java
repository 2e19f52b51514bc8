package dev.floe.catalog.store;

/** Store-level failures (network, 5xx) that are not the client's fault. */
public final class StoreUnavailableException extends RuntimeException {

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
