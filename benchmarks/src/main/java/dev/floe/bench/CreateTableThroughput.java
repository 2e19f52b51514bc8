package dev.floe.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.RESTCatalog;

/** createTable calls per second from one client into a fresh namespace, then a listing audit. */
final class CreateTableThroughput {
  private CreateTableThroughput() {}

  static ThroughputRun run(CatalogUnderTest target, Namespace namespace, int tables) throws Exception {
    try (RESTCatalog client = target.connect(false)) {
      client.createNamespace(namespace);
      Set<String> acknowledged = new HashSet<>();
      List<String> errors = new ArrayList<>();
      int failed = 0;
      long start = System.nanoTime();
      for (int i = 0; i < tables; i++) {
        String name = "t" + i;
        try {
          client.createTable(
              TableIdentifier.of(namespace, name), BenchTables.SCHEMA, PartitionSpec.unpartitioned(),
              BenchTables.PROPERTIES);
          acknowledged.add(name);
        } catch (RuntimeException e) {
          failed++;
          errors.add(BenchTables.describe(e));
        }
      }
      long elapsed = System.nanoTime() - start;
      List<TableIdentifier> listed = client.listTables(namespace);
      Set<String> present = new HashSet<>();
      listed.forEach(ident -> present.add(ident.name()));
      return ThroughputRun.of(
          acknowledged.size(), elapsed, CommitAudit.of(acknowledged, failed, present, listed.size(), errors));
    }
  }
}
