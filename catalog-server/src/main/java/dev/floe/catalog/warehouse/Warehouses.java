package dev.floe.catalog.warehouse;

import dev.floe.catalog.store.ObjectStore;
import dev.floe.catalog.store.PreconditionFailedException;
import dev.floe.catalog.store.StoreConnection;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.BadRequestException;

/**
 * The warehouses of one Floe deployment. A warehouse is a bucket named like it, holding its own
 * catalog under {@code .floe/}; the registry of warehouses lives in the system bucket, under {@code
 * warehouses/<name>.json}.
 */
public final class Warehouses {
  private static final String REGISTRY = "warehouses/";
  private static final String FILES = ".floe/";

  private final ObjectStore store;
  private final StoreConnection connection;
  private final String systemBucket;
  private final MeterRegistry meters;
  private final Clock clock;
  private final CatalogFaults faults;
  private final ConcurrentMap<String, FloeCatalog> catalogs = new ConcurrentHashMap<>();

  public Warehouses(
      ObjectStore store,
      StoreConnection connection,
      String systemBucket,
      MeterRegistry meters,
      Clock clock) {
    this(store, connection, systemBucket, meters, clock, CatalogFaults.NONE);
  }

  Warehouses(
      ObjectStore store,
      StoreConnection connection,
      String systemBucket,
      MeterRegistry meters,
      Clock clock,
      CatalogFaults faults) {
    this.store = store;
    this.connection = connection;
    this.systemBucket = systemBucket;
    this.meters = meters;
    this.clock = clock;
    this.faults = faults;
  }

  /**
   * Creates a warehouse and its bucket. An existing bucket is adopted only with {@code
   * upgradeExisting} (keeping a catalog already in it); otherwise it is refused.
   */
  public WarehouseRecord create(String name, boolean upgradeExisting) {
    WarehouseNames.validate(name);
    if (name.equals(systemBucket)) {
      throw new BadRequestException(
          "Invalid warehouse name '%s': reserved for Floe's system bucket", name);
    }
    store.createBucket(systemBucket);
    if (read(name).isPresent()) {
      throw new AlreadyExistsException("Warehouse already exists: %s", name);
    }
    if (store.bucketExists(name)) {
      if (!upgradeExisting) {
        throw new AlreadyExistsException(
            "Bucket %s already exists in the backing store; set upgrade-existing to adopt it as a"
                + " warehouse",
            name);
      }
    } else {
      try {
        store.createBucket(name);
      } catch (PreconditionFailedException ownedElsewhere) {
        throw new AlreadyExistsException(
            "Bucket %s already exists and belongs to another account of the backing store", name);
      }
    }
    WarehouseRecord record = adoptOrStamp(name);
    try {
      store.putIfAbsent(systemBucket, registryKey(name), CatalogJson.write(record));
    } catch (PreconditionFailedException concurrent) {
      throw new AlreadyExistsException("Warehouse already exists: %s", name);
    }
    return record;
  }

  /**
   * The bucket's own warehouse record if it already has one (an adopted bucket), else a new one.
   */
  private WarehouseRecord adoptOrStamp(String name) {
    WarehouseRecord fresh =
        new WarehouseRecord(name, UUID.randomUUID().toString(), clock.instant(), Map.of());
    try {
      store.putIfAbsent(name, CatalogKeys.WAREHOUSE, CatalogJson.write(fresh));
      return fresh;
    } catch (PreconditionFailedException existing) {
      return store
          .get(name, CatalogKeys.WAREHOUSE)
          .map(
              object ->
                  CatalogJson.read(object.body(), WarehouseRecord.class, CatalogKeys.WAREHOUSE))
          .map(found -> new WarehouseRecord(name, found.id(), found.created(), found.properties()))
          .orElse(fresh);
    }
  }

  public List<WarehouseRecord> list() {
    List<WarehouseRecord> records = new ArrayList<>();
    for (String key : store.listKeys(systemBucket, REGISTRY)) {
      store
          .get(systemBucket, key)
          .map(object -> CatalogJson.read(object.body(), WarehouseRecord.class, key))
          .ifPresent(records::add);
    }
    return records;
  }

  public WarehouseRecord get(String name) {
    return read(name).orElseThrow(() -> new NoSuchWarehouseException(name));
  }

  private Optional<WarehouseRecord> read(String name) {
    if (name == null || name.isEmpty() || name.contains("/")) {
      return Optional.empty();
    }
    String key = registryKey(name);
    return store
        .get(systemBucket, key)
        .map(object -> CatalogJson.read(object.body(), WarehouseRecord.class, key));
  }

  /**
   * Deletes a warehouse and its bucket. Without {@code purge} it must be empty: no namespaces, and
   * no files left by tables dropped without purge.
   */
  public void delete(String name, boolean purge) {
    get(name);
    FloeCatalog catalog = catalog(name);
    if (!purge) {
      if (catalog.hasNamespaces()) {
        throw new WarehouseNotEmptyException(
            "Warehouse " + name + " is not empty: it has namespaces (delete them, or purge)");
      }
      long leftovers =
          store.listKeys(name, "").stream().filter(key -> !key.startsWith(FILES)).count();
      if (leftovers > 0) {
        throw new WarehouseNotEmptyException(
            "Warehouse "
                + name
                + " is not empty: it still holds "
                + leftovers
                + " files of dropped tables (purge to delete them)");
      }
    }
    store.delete(systemBucket, registryKey(name));
    close(catalogs.remove(name));
    store.deletePrefix(name, "");
    store.deleteBucket(name);
  }

  /** The warehouse's catalog, one cached instance per warehouse. */
  public FloeCatalog catalog(String name) {
    FloeCatalog cached = catalogs.get(name);
    if (cached != null) {
      return cached;
    }
    WarehouseRecord record = get(name);
    return catalogs.computeIfAbsent(name, ignored -> open(record));
  }

  private FloeCatalog open(WarehouseRecord record) {
    FloeCatalog catalog =
        new FloeCatalog(
            record.name(),
            store,
            connection,
            meters,
            clock,
            faults,
            FloeCatalog.TRANSACTION_TIMEOUT);
    catalog.initialize(record.name(), new HashMap<>(record.properties()));
    return catalog;
  }

  private static void close(FloeCatalog catalog) {
    if (catalog == null) {
      return;
    }
    try {
      catalog.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String registryKey(String name) {
    return REGISTRY + name + ".json";
  }
}
