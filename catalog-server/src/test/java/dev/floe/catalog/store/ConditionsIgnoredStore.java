package dev.floe.catalog.store;

/**
 * Fault injection: a store that silently drops the conditions of conditional writes, as some
 * S3-compatible servers do. Everything else passes through to the real store.
 */
final class ConditionsIgnoredStore extends ForwardingObjectStore {

  ConditionsIgnoredStore(ObjectStore real) {
    super(real);
  }

  @Override
  public String putIfAbsent(String bucket, String key, byte[] body) {
    return real().put(bucket, key, body);
  }

  @Override
  public String putIfMatch(String bucket, String key, byte[] body, String etag) {
    return real().put(bucket, key, body);
  }
}
