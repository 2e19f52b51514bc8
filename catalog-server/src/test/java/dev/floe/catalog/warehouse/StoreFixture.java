package dev.floe.catalog.warehouse;

import dev.floe.catalog.store.EmbeddedS3;
import dev.floe.catalog.store.ObjectStore;
import dev.floe.catalog.store.S3ObjectStore;
import dev.floe.catalog.store.StoreConnection;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** An embedded S3 store with fresh warehouse buckets and catalogs on them, closed together. */
final class StoreFixture implements AutoCloseable {
  private static final AtomicInteger BUCKETS = new AtomicInteger();

  private final EmbeddedS3 s3;
  private final S3ObjectStore store;
  private final MeterRegistry meters = new SimpleMeterRegistry();
  private final List<FloeCatalog> catalogs = new ArrayList<>();

  private StoreFixture(EmbeddedS3 s3) {
    this.s3 = s3;
    this.store = new S3ObjectStore(s3.connection());
  }

  static StoreFixture inMemory() throws Exception {
    return new StoreFixture(EmbeddedS3.inMemory());
  }

  ObjectStore store() {
    return store;
  }

  StoreConnection connection() {
    return s3.connection();
  }

  MeterRegistry meters() {
    return meters;
  }

  String newBucket() {
    String bucket = "warehouse-" + BUCKETS.incrementAndGet();
    store.createBucket(bucket);
    return bucket;
  }

  FloeCatalog catalog(String bucket, Map<String, String> properties) {
    return catalog(
        bucket, properties, CatalogFaults.NONE, Clock.systemUTC(), FloeCatalog.TRANSACTION_TIMEOUT);
  }

  FloeCatalog catalog(
      String bucket,
      Map<String, String> properties,
      CatalogFaults faults,
      Clock clock,
      Duration transactionTimeout) {
    return catalog(store, bucket, properties, faults, clock, transactionTimeout);
  }

  /** A catalog reaching the store through {@code through}, e.g. a fault-injecting decorator. */
  FloeCatalog catalog(
      ObjectStore through,
      String bucket,
      Map<String, String> properties,
      CatalogFaults faults,
      Clock clock,
      Duration transactionTimeout) {
    FloeCatalog catalog =
        new FloeCatalog(
            bucket, through, s3.connection(), meters, clock, faults, transactionTimeout);
    catalog.initialize(bucket, properties);
    catalogs.add(catalog);
    return catalog;
  }

  void closeCatalogs() {
    for (FloeCatalog catalog : catalogs) {
      try {
        catalog.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    catalogs.clear();
  }

  @Override
  public void close() throws Exception {
    closeCatalogs();
    store.close();
    s3.close();
  }
}
