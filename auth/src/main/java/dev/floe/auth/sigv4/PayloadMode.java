package dev.floe.auth.sigv4;

/** How an S3 request's body is protected, as declared by its {@code x-amz-content-sha256}. */
public enum PayloadMode {
  /** The hex SHA-256 of the whole body is signed; the body is hashed as it streams. */
  SIGNED,
  /** {@code UNSIGNED-PAYLOAD}: the body is not covered by the signature. */
  UNSIGNED,
  /** {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD}: aws-chunked with chained chunk signatures. */
  STREAMING_SIGNED,
  /** {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER}: signed chunks plus a signed trailer. */
  STREAMING_SIGNED_TRAILER,
  /**
   * {@code STREAMING-UNSIGNED-PAYLOAD-TRAILER}: aws-chunked without signatures, checksum trailer.
   */
  STREAMING_UNSIGNED_TRAILER,
  /** The request carries no body at all. */
  NO_BODY
}
