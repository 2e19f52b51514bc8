package dev.floe.integrity;

import java.util.Objects;

/**
 * One access the guard judges.
 *
 * @param kind what the access does
 * @param bucket the bucket, never empty
 * @param key the object key exactly as addressed (decoded, never normalized), or empty for
 *     bucket-level access
 */
public record GuardedAccess(AccessKind kind, String bucket, String key) {

  public GuardedAccess {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
    if (bucket.isEmpty()) {
      throw new IllegalArgumentException("A guarded access names a bucket");
    }
  }

  public boolean hasKey() {
    return !key.isEmpty();
  }

  /** The key's last path segment, e.g. {@code 00001-x.metadata.json}. */
  public String fileName() {
    return key.substring(key.lastIndexOf('/') + 1);
  }
}
