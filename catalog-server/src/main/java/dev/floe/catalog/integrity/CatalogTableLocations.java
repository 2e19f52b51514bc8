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
  private final Map<String, Long> locationsSeen = new ConcurrentHashMap<>();

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
   * The table whose location holds {@code key}: a canonical {@code <uuid>/} prefix that is a
   * table's or view's (its entity exists) or was handed out by stage-create and not yet committed
   * (engines write a staged table's first files before committing it). Any other prefix owns
   * nothing, so writes there are refused. Only positive answers are remembered.
   */
  @Override
  public Optional<String> owningTable(String warehouseBucket, String key) {
    int slash = key.indexOf('/');
    if (slash <= 0) {
      return Optional.empty();
    }
    Optional<String> uuid = canonicalUuid(key.substring(0, slash));
    if (uuid.isEmpty()) {
      return Optional.empty();
    }
    String location = warehouseBucket + "/" + uuid.get();
    if (remembered(locationsSeen, location)) {
      return uuid;
    }
    try {
      if (!warehouses.catalog(warehouseBucket).ownsLocation(uuid.get())) {
        return Optional.empty();
      }
    } catch (NoSuchWarehouseException gone) {
      return Optional.empty();
    } catch (StoreUnavailableException e) {
      throw new TableLocationsUnavailableException("Cannot read the table's entity", e);
    }
    remember(locationsSeen, location, REMEMBERED);
    return uuid;
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
