package dev.floe.catalog.store;

import java.util.List;
import java.util.Optional;

/**
 * A store that passes every call to a real one. Fault-injecting test stores extend it and override
 * only the calls they disturb.
 */
public abstract class ForwardingObjectStore implements ObjectStore {
  private final ObjectStore real;

  protected ForwardingObjectStore(ObjectStore real) {
    this.real = real;
  }

  protected ObjectStore real() {
    return real;
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
    return real.putIfAbsent(bucket, key, body);
  }

  @Override
  public String putIfMatch(String bucket, String key, byte[] body, String etag) {
    return real.putIfMatch(bucket, key, body, etag);
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
