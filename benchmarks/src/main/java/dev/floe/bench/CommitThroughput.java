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
import java.util.concurrent.atomic.AtomicLong;
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
  private final CatalogUnderTest target;
  private final CommitWorkload workload;
  private final TableIdentifier ident;
  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
  private final AtomicInteger failed = new AtomicInteger();
  private final Queue<String> errors = new ConcurrentLinkedQueue<>();
  private final AtomicLong lastCommitReturned = new AtomicLong(Long.MIN_VALUE);

  private CommitThroughput(CatalogUnderTest target, CommitWorkload workload, TableIdentifier ident) {
    this.target = target;
    this.workload = workload;
    this.ident = ident;
  }

  static ThroughputRun run(
      CatalogUnderTest target, CommitWorkload workload, TableIdentifier ident, int writers, int commitsPerWriter)
      throws Exception {
    return new CommitThroughput(target, workload, ident).measure(writers, commitsPerWriter);
  }

  private ThroughputRun measure(int writers, int commitsPerWriter) throws Exception {
    int baseline;
    try (RESTCatalog setup = target.connect(false)) {
      baseline =
          workload.appliedWrites(
              setup.createTable(ident, BenchTables.SCHEMA, PartitionSpec.unpartitioned(), BenchTables.PROPERTIES));
    }
    CountDownLatch ready = new CountDownLatch(writers);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    long start;
    try {
      List<Future<Void>> done = new ArrayList<>();
      for (int writer = 0; writer < writers; writer++) {
        done.add(pool.submit(writer(writer, commitsPerWriter, ready, go)));
      }
      ready.await();
      start = System.nanoTime();
      go.countDown();
      for (Future<Void> writer : done) {
        writer.get();
      }
    } finally {
      pool.shutdownNow();
    }
    try (RESTCatalog auditor = target.connect(false)) {
      Table table = auditor.loadTable(ident);
      CommitAudit audit =
          CommitAudit.of(
              acknowledged, failed.get(), workload.presentMarkers(table), workload.appliedWrites(table) - baseline,
              errors);
      return ThroughputRun.of(acknowledged.size(), lastCommitReturned.get() - start, audit);
    }
  }

  private Callable<Void> writer(int writer, int commits, CountDownLatch ready, CountDownLatch go) {
    return () -> {
      try (RESTCatalog client = target.connect(false)) {
        Table table;
        try {
          table = client.loadTable(ident);
        } finally {
          ready.countDown();
        }
        go.await();
        for (int i = 0; i < commits; i++) {
          String marker = "w" + writer + "-c" + i;
          try {
            workload.commit(table, marker);
            acknowledged.add(marker);
          } catch (RuntimeException e) {
            failed.incrementAndGet();
            errors.add(BenchTables.describe(e));
          }
        }
        lastCommitReturned.accumulateAndGet(System.nanoTime(), Math::max);
      }
      return null;
    };
  }
}
