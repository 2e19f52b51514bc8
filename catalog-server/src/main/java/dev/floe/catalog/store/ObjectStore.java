package dev.floe.catalog.store;

import java.io.Closeable;
import java.util.List;
import java.util.Optional;

/**
 * The few object operations the catalog needs, with conditional writes. Thread-safe.
 *
 * <p>ETags are passed back exactly as the store returned them. Failures that are not a lost
 * precondition surface as {@link StoreUnavailableException}.
 */
public interface ObjectStore extends Closeable {

  /** The object, or empty when the key (or its bucket) does not exist. */
  Optional<StoredObject> get(String bucket, String key);

  Optional<String> headEtag(String bucket, String key);

  /** Writes only if the key is absent ({@code If-None-Match: *}); returns the new ETag. */
  String putIfAbsent(String bucket, String key, byte[] body);

  /**
   * Writes only if the key still has {@code etag} ({@code If-Match}); a stale or absent key is a
   * {@link PreconditionFailedException}. Returns the new ETag.
   */
  String putIfMatch(String bucket, String key, byte[] body, String etag);

  /** Unconditional write, only for objects no one races on. Returns the new ETag. */
  String put(String bucket, String key, byte[] body);

  /** Deletes the key; deleting an absent key is not an error. */
  void delete(String bucket, String key);

  /** Deletes every key under the prefix, in batches. */
  void deletePrefix(String bucket, String prefix);

  /** Every key under the prefix, across all pages, in the store's (lexicographic) order. */
  List<String> listKeys(String bucket, String prefix);

  /** Every object under the prefix with its ETag, across all pages. */
  List<ListedObject> list(String bucket, String prefix);

  boolean bucketExists(String bucket);

  void createBucket(String bucket);

  void deleteBucket(String bucket);

  @Override
  void close();

  /** One entry of a listing. */
  record ListedObject(String key, String etag) {}
}
