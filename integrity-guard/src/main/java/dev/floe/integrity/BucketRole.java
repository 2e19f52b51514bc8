package dev.floe.integrity;

/** What a bucket of the backing store is to Floe; only warehouse and system buckets are guarded. */
public enum BucketRole {
  /** Floe's own state (warehouse registry, idempotency records, users, secrets). */
  SYSTEM,
  /** Holds one warehouse's catalog under {@code .floe/} and its tables' files. */
  WAREHOUSE,
  /** Any other bucket: plain S3 semantics. */
  ORDINARY
}
