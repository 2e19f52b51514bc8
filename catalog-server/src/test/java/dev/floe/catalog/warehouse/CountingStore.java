package dev.floe.catalog.warehouse;

import dev.floe.catalog.store.ObjectStore;
import dev.floe.catalog.store.StoredObject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A real store that counts the round trips made through it, to pin down what an operation costs. */
final class CountingStore implements ObjectStore {
  private final ObjectStore real;
  private final AtomicInteger calls = new AtomicInteger();

  CountingStore(ObjectStore real) {
    this.real = real;
  }

  /** The round trips made since the last call. */
  int take() {
    return calls.getAndSet(0);
  }

  @Override
  public Optional<StoredObject> get(String bucket, String key) {
    calls.incrementAndGet();
    return real.get(bucket, key);
  }

  @Override
  public Optional<String> headEtag(String bucket, String key) {
    calls.incrementAndGet();
    return real.headEtag(bucket, key);
  }

  @Override
  public String putIfAbsent(String bucket, String key, byte[] body) {
    calls.incrementAndGet();
    return real.putIfAbsent(bucket, key, body);
  }

  @Override
  public String putIfMatch(String bucket, String key, byte[] body, String etag) {
    calls.incrementAndGet();
    return real.putIfMatch(bucket, key, body, etag);
  }

  @Override
  public String put(String bucket, String key, byte[] body) {
    calls.incrementAndGet();
    return real.put(bucket, key, body);
  }

  @Override
  public void delete(String bucket, String key) {
    calls.incrementAndGet();
    real.delete(bucket, key);
  }

  @Override
  public void deletePrefix(String bucket, String prefix) {
    calls.incrementAndGet();
    real.deletePrefix(bucket, prefix);
  }

  @Override
  public List<String> listKeys(String bucket, String prefix) {
    calls.incrementAndGet();
    return real.listKeys(bucket, prefix);
  }

  @Override
  public List<ListedObject> list(String bucket, String prefix) {
    calls.incrementAndGet();
    return real.list(bucket, prefix);
  }

  @Override
  public boolean bucketExists(String bucket) {
    calls.incrementAndGet();
    return real.bucketExists(bucket);
  }

  @Override
  public void createBucket(String bucket) {
    calls.incrementAndGet();
    real.createBucket(bucket);
  }

  @Override
  public void deleteBucket(String bucket) {
    calls.incrementAndGet();
    real.deleteBucket(bucket);
  }

  @Override
  public void close() {}
}
