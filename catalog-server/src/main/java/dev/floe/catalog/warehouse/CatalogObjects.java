package dev.floe.catalog.warehouse;

import dev.floe.catalog.store.ObjectStore;
import dev.floe.catalog.store.ObjectStore.ListedObject;
import dev.floe.catalog.store.StoredObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The catalog's JSON objects in one warehouse bucket, read with the ETag a swap must name. */
final class CatalogObjects {
  private final ObjectStore store;
  private final String bucket;

  CatalogObjects(ObjectStore store, String bucket) {
    this.store = store;
    this.bucket = bucket;
  }

  ObjectStore store() {
    return store;
  }

  String bucket() {
    return bucket;
  }

  <T> Optional<Versioned<T>> read(String key, Class<T> type) {
    return store.get(bucket, key).map(object -> versioned(key, object, type));
  }

  private static <T> Versioned<T> versioned(String key, StoredObject object, Class<T> type) {
    return new Versioned<>(CatalogJson.read(object.body(), type, key), object.etag());
  }

  /** Writes only if absent; {@link dev.floe.catalog.store.PreconditionFailedException} if not. */
  <T> Versioned<T> create(String key, T value) {
    return new Versioned<>(value, store.putIfAbsent(bucket, key, CatalogJson.write(value)));
  }

  /** Swaps {@code current} for {@code next}; a concurrent change is a precondition failure. */
  <T> Versioned<T> replace(String key, Versioned<T> current, T next) {
    return new Versioned<>(
        next, store.putIfMatch(bucket, key, CatalogJson.write(next), current.etag()));
  }

  void delete(String key) {
    store.delete(bucket, key);
  }

  /**
   * Deletes the key only if it still has {@code etag}. S3 has no portable conditional delete, so
   * this checks immediately before deleting; callers use it only where a concurrent rewrite is
   * itself a rare race and losing it leaves a state that reads correctly.
   */
  boolean deleteIfUnchanged(String key, String etag) {
    if (!store.headEtag(bucket, key).map(current -> Objects.equals(current, etag)).orElse(false)) {
      return false;
    }
    store.delete(bucket, key);
    return true;
  }

  List<ListedObject> list(String prefix) {
    return store.list(bucket, prefix);
  }

  /** A catalog object and the ETag it was read or written with. */
  record Versioned<T>(T value, String etag) {}
}
