package dev.floe.cli;

/** The server refused a request; the message is the server's own Iceberg error message. */
public final class CatalogRequestException extends CliException {
  private final int status;
  private final String type;

  public CatalogRequestException(int status, String type, String message) {
    super(message);
    this.status = status;
    this.type = type;
  }

  /** HTTP status of the answer, e.g. 404 or 409. */
  public int status() {
    return status;
  }

  /** Iceberg error type, e.g. {@code NoSuchTableException}; null when the server sent none. */
  public String type() {
    return type;
  }
}
