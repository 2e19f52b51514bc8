package dev.floe.integrity;

import java.util.Optional;

/** Floe's system bucket is reachable only through Floe's own APIs, never through S3. */
final class SystemBucketRule implements GuardRule {

  @Override
  public String name() {
    return "system-bucket";
  }

  @Override
  public Optional<GuardRefusal> evaluate(
      GuardedAccess access, BucketRole role, TableLocationIndex tables) {
    if (role != BucketRole.SYSTEM) {
      return Optional.empty();
    }
    return refuse(
        "bucket "
            + access.bucket()
            + " is Floe's system bucket (warehouse registry, idempotency records, users and"
            + " secrets); it cannot be read or written through the S3 API. Use the warehouse API"
            + " (/_iceberg/v1/warehouses) and the admin API (/_floe).");
  }
}
