package dev.floe.catalog.warehouse;

import dev.floe.catalog.store.ObjectStore;
import dev.floe.catalog.store.StoreUnavailableException;
import dev.floe.catalog.store.StoredObject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection over a real store: every n-th compare-and-swap of an entity fails the way a
 * network does, either before the write reaches the store or after it landed (the response lost),
 * and in the second case the next read of that entity fails too.
 */
final class FlakyStore implements ObjectStore {
  private final ObjectStore real;
  private final int every;
  private final boolean afterWriting;
  private final AtomicInteger swaps = new AtomicInteger();
  private volatile String unreadable;
  final AtomicInteger injected = new AtomicInteger();

  FlakyStore(ObjectStore real, int every, boolean afterWriting) {
    this.real = real;
    this.every = every;
    this.afterWriting = afterWriting;
  }

  @Override
  public String putIfMatch(String bucket, String key, byte[] body, String etag) {
    if (!key.startsWith(CatalogKeys.ENTITIES) || swaps.incrementAndGet() % every != 0) {
      return real.putIfMatch(bucket, key, body, etag);
    }
    injected.incrementAndGet();
    if (afterWriting) {
      real.putIfMatch(bucket, key, body, etag);
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
    return real.get(bucket, key);
  }

  @Override
  public Optional<String> headEtag(String bucket, String key) {
    return real.headEtag(bucket, key);
  }

  @Override
  public String putIfAbsent(String bucket, String key, byte[] body) {
    return real.putIfAbsent(bucket, key, body);
  }

  @Override
  public String put(String bucket, String key, byte[] body) {
    return real.put(bucket, key, body);
  }

  @Override
  public void delete(String bucket, String key) {
    real.delete(bucket, key);
  }

  @Override
  public void deletePrefix(String bucket, String prefix) {
    real.deletePrefix(bucket, prefix);
  }

  @Override
  public List<String> listKeys(String bucket, String prefix) {
    return real.listKeys(bucket, prefix);
  }

  @Override
  public List<ListedObject> list(String bucket, String prefix) {
    return real.list(bucket, prefix);
  }

  @Override
  public boolean bucketExists(String bucket) {
    return real.bucketExists(bucket);
  }

  @Override
  public void createBucket(String bucket) {
    real.createBucket(bucket);
  }

  @Override
  public void deleteBucket(String bucket) {
    real.deleteBucket(bucket);
  }

  @Override
  public void close() {}
}
