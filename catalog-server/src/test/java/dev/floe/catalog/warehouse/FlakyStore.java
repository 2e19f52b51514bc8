package dev.floe.catalog.warehouse;

import dev.floe.catalog.store.ForwardingObjectStore;
import dev.floe.catalog.store.ObjectStore;
import dev.floe.catalog.store.StoreUnavailableException;
import dev.floe.catalog.store.StoredObject;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection over a real store: every n-th compare-and-swap of an entity fails the way a
 * network does, either before the write reaches the store or after it landed (the response lost),
 * and in the second case the next read of that entity fails too.
 */
final class FlakyStore extends ForwardingObjectStore {
  private final int every;
  private final boolean afterWriting;
  private final AtomicInteger swaps = new AtomicInteger();
  private volatile String unreadable;
  final AtomicInteger injected = new AtomicInteger();

  FlakyStore(ObjectStore real, int every, boolean afterWriting) {
    super(real);
    this.every = every;
    this.afterWriting = afterWriting;
  }

  @Override
  public String putIfMatch(String bucket, String key, byte[] body, String etag) {
    if (!key.startsWith(CatalogKeys.ENTITIES) || swaps.incrementAndGet() % every != 0) {
      return real().putIfMatch(bucket, key, body, etag);
    }
    injected.incrementAndGet();
    if (afterWriting) {
      real().putIfMatch(bucket, key, body, etag);
      unreadable = key;
      throw new StoreUnavailableException("injected: response lost after the write", null);
    }
    throw new StoreUnavailableException("injected: 503 before the write", null);
  }

  @Override
  public Optional<StoredObject> get(String bucket, String key) {
    if (key.equals(unreadable)) {
      unreadable = null;
      throw new StoreUnavailableException("injected: read failed", null);
    }
    return real().get(bucket, key);
  }

  /** The real store belongs to the test's fixture, which closes it. */
  @Override
  public void close() {}
}
