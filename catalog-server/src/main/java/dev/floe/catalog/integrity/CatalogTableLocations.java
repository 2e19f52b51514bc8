package dev.floe.catalog.integrity;

import dev.floe.catalog.store.StoreUnavailableException;
import dev.floe.catalog.warehouse.NoSuchWarehouseException;
import dev.floe.catalog.warehouse.Warehouses;
import dev.floe.integrity.TableLocationIndex;
import dev.floe.integrity.TableLocationsUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Table locations as the catalog lays them out (DESIGN §3): a bucket is a warehouse when the
 * warehouse registry names it, and a table's files live under {@code <uuid>/} in its warehouse.
 *
 * <p>A bucket known to be a warehouse is remembered for a minute (warehouses are deleted only
 * when empty). "Not a warehouse" is remembered for one second only, so that traffic to ordinary
 * buckets does not read the registry on every request while a warehouse created on another Floe
 * instance is still recognized within a second; its tables cannot have files before that, since
 * creating a table takes longer. An unreadable registry is reported rather than taken for "not a
 * warehouse".
 */
public final class CatalogTableLocations implements TableLocationIndex {
  private static final Duration REMEMBERED = Duration.ofSeconds(60);
  private static final Duration REMEMBERED_ABSENT = Duration.ofSeconds(1);
  private static final int MAX_REMEMBERED = 100_000;

  private final Warehouses warehouses;
  private final Clock clock;
  private final Map<String, Long> warehousesSeen = new ConcurrentHashMap<>();
  private final Map<String, Long> ordinaryBucketsSeen = new ConcurrentHashMap<>();

  public CatalogTableLocations(Warehouses warehouses, Clock clock) {
    this.warehouses = warehouses;
    this.clock = clock;
  }

  @Override
  public boolean isWarehouse(String bucket) {
    if (remembered(warehousesSeen, bucket)) {
      return true;
    }
    if (remembered(ordinaryBucketsSeen, bucket)) {
      return false;
    }
    try {
      warehouses.get(bucket);
    } catch (NoSuchWarehouseException absent) {
      remember(ordinaryBucketsSeen, bucket, REMEMBERED_ABSENT);
      return false;
    } catch (StoreUnavailableException e) {
      throw new TableLocationsUnavailableException("Cannot read the warehouse registry", e);
    }
    ordinaryBucketsSeen.remove(bucket);
    remember(warehousesSeen, bucket, REMEMBERED);
    return true;
  }

  /**
   * Any {@code <uuid>/} prefix in canonical form is a table location, whether or not the catalog
   * has recorded the table yet: a staged create (Spark's CTAS and REPLACE, Iceberg's create
   * transactions) writes its manifests under the location the catalog assigned before the table
   * is committed, and the catalog records nothing until then. Nothing is lost by accepting them:
   * writes there only ever create, and a location no table claims holds only files nobody
   * references (their removal is the job of the catalog's unreferenced-file maintenance, which is
   * not built yet).
   */
  @Override
  public Optional<String> owningTable(String warehouseBucket, String key) {
    int slash = key.indexOf('/');
    if (slash <= 0) {
      return Optional.empty();
    }
    return canonicalUuid(key.substring(0, slash));
  }

  /** Only the canonical lower-case form names a table location; Floe never writes another. */
  private static Optional<String> canonicalUuid(String segment) {
    try {
      String canonical = UUID.fromString(segment).toString();
      return canonical.equals(segment) ? Optional.of(canonical) : Optional.empty();
    } catch (IllegalArgumentException notAUuid) {
      return Optional.empty();
    }
  }

  private boolean remembered(Map<String, Long> seen, String name) {
    Long until = seen.get(name);
    return until != null && until > clock.millis();
  }

  private void remember(Map<String, Long> seen, String name, Duration howLong) {
    if (seen.size() >= MAX_REMEMBERED) {
      seen.clear();
    }
    seen.put(name, clock.millis() + howLong.toMillis());
  }
}
