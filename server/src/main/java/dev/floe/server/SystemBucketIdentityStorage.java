package dev.floe.server;

import dev.floe.auth.identity.IdentityStorage;
import dev.floe.catalog.store.ObjectStore;
import dev.floe.catalog.store.PreconditionFailedException;
import java.util.List;
import java.util.Optional;

/**
 * Identity records as objects in the system bucket, with the store's conditional writes: {@code
 * If-None-Match: *} to create, {@code If-Match} on the ETag read to replace. It lives in the server
 * because only the server knows both the identity model (auth) and the object store
 * (catalog-server), and neither of those should depend on the other's storage.
 */
final class SystemBucketIdentityStorage implements IdentityStorage {
  private final ObjectStore store;
  private final String bucket;

  SystemBucketIdentityStorage(ObjectStore store, String bucket) {
    this.store = store;
    this.bucket = bucket;
  }

  @Override
  public Optional<Versioned> read(String key) {
    return store.get(bucket, key).map(found -> new Versioned(found.body(), found.etag()));
  }

  @Override
  public boolean createIfAbsent(String key, byte[] body) {
    try {
      store.putIfAbsent(bucket, key, body);
      return true;
    } catch (PreconditionFailedException e) {
      return false;
    }
  }

  @Override
  public boolean replaceIfUnchanged(String key, byte[] body, String version) {
    try {
      store.putIfMatch(bucket, key, body, version);
      return true;
    } catch (PreconditionFailedException e) {
      return false;
    }
  }

  @Override
  public void delete(String key) {
    store.delete(bucket, key);
  }

  @Override
  public List<String> keys(String prefix) {
    return store.listKeys(bucket, prefix);
  }
}
