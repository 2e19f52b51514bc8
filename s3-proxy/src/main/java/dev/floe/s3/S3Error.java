package dev.floe.s3;

import dev.floe.auth.AuthFailure;

/**
 * An S3 error as a client sees it: HTTP status, S3 error code and a message safe to show.
 *
 * @param status the HTTP status
 * @param code the S3 error code, e.g. {@code NoSuchKey}
 * @param message a human-readable explanation without internal details
 */
public record S3Error(int status, String code, String message) {

  static S3Error of(AuthFailure failure, String message) {
    return new S3Error(failure.httpStatus(), failure.s3ErrorCode(), message);
  }

  static S3Error internalError() {
    return new S3Error(500, "InternalError", "We encountered an internal error. Please try again.");
  }

  static S3Error serviceUnavailable() {
    return new S3Error(
        503, "ServiceUnavailable", "The storage backend is unavailable. Please try again.");
  }

  static S3Error invalidUri(String message) {
    return new S3Error(400, "InvalidURI", message);
  }

  static S3Error invalidArgument(String message) {
    return new S3Error(400, "InvalidArgument", message);
  }

  static S3Error methodNotAllowed() {
    return new S3Error(
        405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
  }
}
