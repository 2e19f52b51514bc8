package dev.floe.integrity;

import java.util.Optional;

/**
 * Where tables live, as the catalog lays them out. A warehouse bucket holds each table's files
 * under {@code <table-uuid>/}, a location the catalog assigns (also to a table still being staged).
 *
 * <p>Implementations may cache what they have seen, but a miss must be re-checked against the
 * store, so that a warehouse or table created a moment ago by another Floe instance is found: the
 * guard must never let a request through because its cache was stale. When the catalog cannot be
 * read, implementations throw {@link TableLocationsUnavailableException} rather than answer.
 */
public interface TableLocationIndex {

  /** Whether the bucket is a warehouse's bucket. */
  boolean isWarehouse(String bucket);

  /**
   * The uuid of the table or view whose location holds {@code key} in the warehouse bucket, or
   * empty when the key lies outside every table location.
   */
  Optional<String> owningTable(String warehouseBucket, String key);
}
