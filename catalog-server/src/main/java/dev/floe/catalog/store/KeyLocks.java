package dev.floe.catalog.store;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes writes to one key inside this JVM.
 *
 * <p>S3Proxy's filesystem and transient stores evaluate {@code If-Match} by a HEAD followed by a
 * plain PUT, so two writers in one process can both pass the same ETag check. Floe owns the
 * embedded store's data directory exclusively, so serializing each key's writes here makes those
 * swaps atomic; on stores that compare natively the lock only removes writes that would lose
 * anyway. Striped, so memory stays fixed however many keys are written.
 */
final class KeyLocks {
  private static final int STRIPES = 1024;
  private static final ReentrantLock[] LOCKS = new ReentrantLock[STRIPES];

  static {
    for (int i = 0; i < STRIPES; i++) {
      LOCKS[i] = new ReentrantLock();
    }
  }

  private KeyLocks() {}

  static ReentrantLock forKey(String store, String bucket, String key) {
    int hash = (store + '\n' + bucket + '\n' + key).hashCode();
    return LOCKS[Math.floorMod(hash ^ (hash >>> 16), STRIPES)];
  }
}
