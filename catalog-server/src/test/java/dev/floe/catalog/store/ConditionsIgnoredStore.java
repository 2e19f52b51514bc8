package dev.floe.catalog.store;

import java.util.List;
import java.util.Optional;

/**
 * Fault injection: a store that silently drops the conditions of conditional writes, as some
 * S3-compatible servers do. Everything else passes through to the real store.
 */
final class ConditionsIgnoredStore implements ObjectStore {
  private final ObjectStore real;

  ConditionsIgnoredStore(ObjectStore real) {
    this.real = real;
  }

  @Override
  public Optional<StoredObject> get(String bucket, String key) {
    return real.get(bucket, key);
  }

  @Override
  public Optional<String> headEtag(String bucket, String key) {
    return real.headEtag(bucket, key);
  }

  @Override
  public String putIfAbsent(String bucket, String key, byte[] body) {
    return real.put(bucket, key, body);
  }

  @Override
  public String putIfMatch(String bucket, String key, byte[] body, String etag) {
    return real.put(bucket, key, body);
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
  public void close() {
    real.close();
  }
}
