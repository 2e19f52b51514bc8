package dev.floe.auth;

/**
 * Why a request could not be authenticated, with the S3 error code and HTTP status each reason is
 * reported with. The catalog reports the same status with an Iceberg error body.
 */
public enum AuthFailure {
  MISSING_AUTHENTICATION("AccessDenied", 401),
  MALFORMED_AUTHORIZATION("AuthorizationHeaderMalformed", 400),
  INVALID_ACCESS_KEY("InvalidAccessKeyId", 403),
  SIGNATURE_MISMATCH("SignatureDoesNotMatch", 403),
  REQUEST_TIME_TOO_SKEWED("RequestTimeTooSkewed", 403),
  PRESIGNED_URL_EXPIRED("AccessDenied", 403),
  UNSIGNED_AMZ_HEADER("AccessDenied", 403),
  CONTENT_SHA256_MISMATCH("XAmzContentSHA256Mismatch", 400),
  INCOMPLETE_BODY("IncompleteBody", 400),
  INVALID_CHUNK("InvalidRequest", 400),
  BAD_DIGEST("BadDigest", 400),
  INVALID_TOKEN("InvalidToken", 400),
  EXPIRED_TOKEN("ExpiredToken", 400);

  private final String s3ErrorCode;
  private final int httpStatus;

  AuthFailure(String s3ErrorCode, int httpStatus) {
    this.s3ErrorCode = s3ErrorCode;
    this.httpStatus = httpStatus;
  }

  public String s3ErrorCode() {
    return s3ErrorCode;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
