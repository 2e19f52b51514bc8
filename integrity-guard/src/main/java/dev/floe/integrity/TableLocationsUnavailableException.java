package dev.floe.integrity;

/**
 * The catalog's record of table locations could not be read. The guard does not guess: the
 * request is refused as unavailable and may be retried.
 */
public class TableLocationsUnavailableException extends RuntimeException {

  public TableLocationsUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
