package dev.floe.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.RESTCatalog;

/**
 * Commits per second on one fresh table with N concurrent writers, each with its own client (as N
 * separate jobs would be). The clock runs from the moment every writer holds a loaded table until
 * the last commit returns; the table is then audited from a fresh client.
 */
final class CommitThroughput {
  private CommitThroughput() {}

  static ThroughputRun run(
      CatalogUnderTest target, CommitWorkload workload, TableIdentifier ident, int writers, int commitsPerWriter)
      throws Exception {
    int baseline;
    try (RESTCatalog setup = target.connect(false)) {
      baseline =
          workload.appliedWrites(
              setup.createTable(ident, BenchTables.SCHEMA, PartitionSpec.unpartitioned(), BenchTables.PROPERTIES));
    }
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger failed = new AtomicInteger();
    Queue<String> errors = new ConcurrentLinkedQueue<>();
    CountDownLatch ready = new CountDownLatch(writers);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    long elapsed;
    try {
      List<Future<Void>> done = new ArrayList<>();
      for (int writer = 0; writer < writers; writer++) {
        String prefix = "w" + writer + "-c";
        done.add(pool.submit(
            (Callable<Void>) () -> {
              try (RESTCatalog client = target.connect(false)) {
                Table table;
                try {
                  table = client.loadTable(ident);
                } finally {
                  ready.countDown();
                }
                go.await();
                for (int i = 0; i < commitsPerWriter; i++) {
                  String marker = prefix + i;
                  try {
                    workload.commit(table, marker);
                    acknowledged.add(marker);
                  } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    errors.add(BenchTables.describe(e));
                  }
                }
              }
              return null;
            }));
      }
      ready.await();
      long start = System.nanoTime();
      go.countDown();
      for (Future<Void> writer : done) {
        writer.get();
      }
      elapsed = System.nanoTime() - start;
    } finally {
      pool.shutdownNow();
    }
    try (RESTCatalog auditor = target.connect(false)) {
      Table table = auditor.loadTable(ident);
      CommitAudit audit =
          CommitAudit.of(
              acknowledged, failed.get(), workload.presentMarkers(table), workload.appliedWrites(table) - baseline, errors);
      return ThroughputRun.of(acknowledged.size(), elapsed, audit);
    }
  }
}
