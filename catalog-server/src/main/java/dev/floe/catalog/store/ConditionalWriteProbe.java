package dev.floe.catalog.store;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Checks at start-up that the backing store honours the conditional writes every catalog commit
 * relies on; a store that silently ignores them would lose commits.
 */
public final class ConditionalWriteProbe {
  static final String PREFIX = ".floe/probe/";

  private ConditionalWriteProbe() {}

  /**
   * Writes and swaps a probe object under {@code .floe/probe/} in the bucket; throws {@link
   * UnsupportedStoreException} with a clear message if the store ignores If-None-Match or If-Match.
   * Cleans up after itself.
   */
  public static void verify(ObjectStore store, String bucket) {
    String key = PREFIX + UUID.randomUUID();
    try {
      String first = store.putIfAbsent(bucket, key, body("first"));
      if (succeeds(() -> store.putIfAbsent(bucket, key, body("second")))) {
        throw unsupported(bucket, "If-None-Match: * (it overwrote an existing object)");
      }
      String swapped = store.putIfMatch(bucket, key, body("swapped"), first);
      if (swapped.equals(first)) {
        throw unsupported(bucket, "distinct ETags (identical ETag after a content change)");
      }
      if (succeeds(() -> store.putIfMatch(bucket, key, body("stale"), first))) {
        throw unsupported(bucket, "If-Match (it accepted a write with a stale ETag)");
      }
      String absent = PREFIX + UUID.randomUUID();
      if (succeeds(() -> store.putIfMatch(bucket, absent, body("absent"), first))) {
        store.delete(bucket, absent);
        throw unsupported(bucket, "If-Match (it created an object that did not exist)");
      }
    } finally {
      store.delete(bucket, key);
    }
  }

  private static boolean succeeds(Runnable write) {
    try {
      write.run();
      return true;
    } catch (PreconditionFailedException expected) {
      return false;
    }
  }

  private static byte[] body(String content) {
    return (content + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
  }

  private static UnsupportedStoreException unsupported(String bucket, String what) {
    return new UnsupportedStoreException(
        "The backing store does not support "
            + what
            + " in bucket "
            + bucket
            + "; Floe needs conditional writes (AWS S3, MinIO, Ceph Squid and S3Proxy support them)"
            + " to commit safely");
  }
}
