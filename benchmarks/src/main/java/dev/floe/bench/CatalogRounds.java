package dev.floe.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.RESTCatalog;

/**
 * Runs every scenario on every contender, round after round: the warm-up rounds first (audited,
 * not reported), then the measured rounds. Within a round each scenario runs on both contenders
 * back to back, alternating which goes first, so that a change in the shared machine's load, or a
 * warmer store and page cache, falls on both alike. A scenario that fails is recorded and the rest
 * go on.
 */
final class CatalogRounds {
  static final Namespace NAMESPACE = Namespace.of("bench");
  static final TableIdentifier LOAD_TARGET = TableIdentifier.of(NAMESPACE, "load_target");
  /** Snapshots and property changes given to the loaded table, so its metadata is not trivial. */
  private static final int LOAD_TARGET_HISTORY = 10;

  private final BenchmarkOptions options;
  private final List<CatalogUnderTest> contenders;
  private final PrintStream out;
  private final Results results = new Results();

  CatalogRounds(BenchmarkOptions options, List<CatalogUnderTest> contenders, PrintStream out) {
    this.options = options;
    this.contenders = contenders;
    this.out = out;
  }

  Results run() {
    List<CatalogUnderTest> ready = new ArrayList<>();
    for (CatalogUnderTest contender : contenders) {
      try {
        prepare(contender);
        ready.add(contender);
      } catch (Exception e) {
        results.failure(contender.name(), "setup: namespace and load-test table", "before the rounds", e);
        out.printf("%-9s setup FAILED, no round will run on it: %s%n", contender.name(), BenchTables.describe(e));
        e.printStackTrace(out);
      }
    }
    for (int round = 1; round <= options.warmUpRounds() + options.rounds(); round++) {
      boolean warmUp = round <= options.warmUpRounds();
      String tag = warmUp ? "warm-up " + round : "round " + (round - options.warmUpRounds());
      List<Scenario> scenarios =
          scenarios(warmUp ? "warmup" + round : "r" + (round - options.warmUpRounds()));
      for (int i = 0; i < scenarios.size(); i++) {
        List<CatalogUnderTest> order = new ArrayList<>(ready);
        if ((round + i) % 2 == 1) {
          Collections.reverse(order);
        }
        for (CatalogUnderTest contender : order) {
          scenarios.get(i).run(contender, tag, warmUp);
        }
      }
    }
    return results;
  }

  private void prepare(CatalogUnderTest contender) throws Exception {
    try (RESTCatalog client = contender.connect(false)) {
      client.createNamespace(NAMESPACE);
      Table table =
          client.createTable(LOAD_TARGET, BenchTables.SCHEMA, PartitionSpec.unpartitioned(), BenchTables.PROPERTIES);
      for (int i = 0; i < LOAD_TARGET_HISTORY; i++) {
        CommitWorkload.FAST_APPENDS.commit(table, "history-" + i);
        CommitWorkload.PROPERTY_CHANGES.commit(table, "history-" + i);
      }
    }
  }

  /** The scenarios of one round; {@code suffix} keeps each round's tables and namespaces apart. */
  private List<Scenario> scenarios(String suffix) {
    BenchmarkOptions counts = options;
    return List.of(
        (contender, tag, warmUp) -> latency(contender, tag, warmUp, Figure.LOAD_P50, Figure.LOAD_P99,
            () -> LoadTableLatency.measure(contender, LOAD_TARGET, false, counts.loads())),
        (contender, tag, warmUp) -> latency(contender, tag, warmUp, Figure.CACHED_LOAD_P50, Figure.CACHED_LOAD_P99,
            () -> LoadTableLatency.measure(contender, LOAD_TARGET, true, counts.loads())),
        (contender, tag, warmUp) -> latency(contender, tag, warmUp, Figure.REVALIDATION_P50, Figure.REVALIDATION_P99,
            () -> RevalidationLatency.measure(contender, LOAD_TARGET, counts.revalidations())),
        (contender, tag, warmUp) -> commits(contender, tag, warmUp, Figure.PROPERTY_COMMITS_1,
            CommitWorkload.PROPERTY_CHANGES, 1, counts.propertyCommits(), "props_w1_" + suffix),
        (contender, tag, warmUp) -> commits(contender, tag, warmUp, Figure.PROPERTY_COMMITS_8,
            CommitWorkload.PROPERTY_CHANGES, 8, counts.propertyCommits(), "props_w8_" + suffix),
        (contender, tag, warmUp) -> commits(contender, tag, warmUp, Figure.FAST_APPENDS_1,
            CommitWorkload.FAST_APPENDS, 1, counts.fastAppends(), "appends_w1_" + suffix),
        (contender, tag, warmUp) -> commits(contender, tag, warmUp, Figure.FAST_APPENDS_8,
            CommitWorkload.FAST_APPENDS, 8, counts.fastAppends(), "appends_w8_" + suffix),
        (contender, tag, warmUp) -> throughput(contender, tag, warmUp, Figure.CREATE_TABLES,
            () -> CreateTableThroughput.run(contender, Namespace.of("creates_" + suffix), counts.createdTables())));
  }

  private void commits(
      CatalogUnderTest contender, String tag, boolean warmUp, Figure figure, CommitWorkload workload, int writers,
      int total, String table) {
    throughput(contender, tag, warmUp, figure,
        () -> CommitThroughput.run(
            contender, workload, TableIdentifier.of(NAMESPACE, table), writers,
            BenchmarkOptions.perWriter(total, writers)));
  }

  private void latency(
      CatalogUnderTest contender, String tag, boolean warmUp, Figure p50, Figure p99, Measurement<LatencySample> run) {
    try {
      LatencySample sample = run.measure();
      double median = sample.percentileMillis(50);
      double tail = sample.percentileMillis(99);
      print(contender, tag, p50, median);
      print(contender, tag, p99, tail);
      if (!warmUp) {
        results.record(p50, contender.name(), median);
        results.record(p99, contender.name(), tail);
      }
    } catch (Exception e) {
      failed(contender, tag, p50, e);
    }
  }

  private void throughput(
      CatalogUnderTest contender, String tag, boolean warmUp, Figure figure, Measurement<ThroughputRun> run) {
    try {
      ThroughputRun measured = run.measure();
      CommitAudit audit = measured.audit();
      print(contender, tag, figure, measured.perSecond());
      out.printf("    audit: %d acknowledged, %d failed, %d lost, %d duplicated, %d applied without acknowledgement%s%n",
          audit.acknowledged(), audit.failed(), audit.lost(), audit.duplicated(), audit.appliedWithoutAcknowledgement(),
          audit.errors().isEmpty() ? "" : "; errors: " + String.join(" | ", audit.errors()));
      results.audit(figure.label(), contender.name(), audit);
      if (!warmUp) {
        results.record(figure, contender.name(), measured.perSecond());
      }
    } catch (Exception e) {
      failed(contender, tag, figure, e);
    }
  }

  private void print(CatalogUnderTest contender, String tag, Figure figure, double value) {
    out.printf("%-9s %-8s %-48s %s%n", contender.name(), tag, figure.label(), figure.unit().format(value));
    out.flush();
  }

  private void failed(CatalogUnderTest contender, String tag, Figure figure, Exception error) {
    results.failure(contender.name(), figure.label(), tag, error);
    out.printf("%-9s %-8s %-48s FAILED: %s%n", contender.name(), tag, figure.label(), BenchTables.describe(error));
    error.printStackTrace(out);
  }

  /** One scenario on one contender in one round; records its figures or its failure. */
  @FunctionalInterface
  private interface Scenario {
    void run(CatalogUnderTest contender, String tag, boolean warmUp);
  }

  /** One scenario's run, which may fail with any exception its client throws. */
  @FunctionalInterface
  private interface Measurement<T> {
    T measure() throws Exception;
  }
}
