package dev.floe.server.admin;

/** A failed admin request: the status and a message that is safe to show the caller. */
final class AdminException extends RuntimeException {
  private final int status;
  private final String type;

  AdminException(int status, String type, String message) {
    super(message);
    this.status = status;
    this.type = type;
  }

  static AdminException badRequest(String message) {
    return new AdminException(400, "BadRequestException", message);
  }

  int status() {
    return status;
  }

  String type() {
    return type;
  }
}
