package dev.floe.catalog.store;

/**
 * A conditional write lost: the key already existed (If-None-Match) or changed or vanished
 * (If-Match).
 */
public final class PreconditionFailedException extends RuntimeException {

  public PreconditionFailedException(String bucket, String key) {
    super("Precondition failed writing s3://" + bucket + "/" + key);
  }
}
