package dev.floe.bench;

import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.RESTCatalog;

/**
 * Latency of {@code RESTCatalog.loadTable} from one client, which has loaded the table once
 * already (so with the table cache on, every timed load is a conditional request).
 */
final class LoadTableLatency {
  private LoadTableLatency() {}

  static LatencySample measure(CatalogUnderTest target, TableIdentifier table, boolean tableCache, int loads)
      throws Exception {
    try (RESTCatalog client = target.connect(tableCache)) {
      client.loadTable(table);
      LatencySample sample = new LatencySample(loads);
      for (int i = 0; i < loads; i++) {
        long start = System.nanoTime();
        client.loadTable(table);
        sample.record(System.nanoTime() - start);
      }
      return sample;
    }
  }
}
