package dev.floe.bench;

import java.nio.file.Path;

/**
 * How much the catalog benchmark does, from system properties ({@code -Dbench.rounds=…}); the
 * defaults take about ten minutes on two cores. Write counts are totals per run, split evenly
 * among the writers.
 *
 * @param rounds measured rounds, after one warm-up round at a quarter of the counts
 * @param loads timed loadTable calls per round, for each client cache setting
 * @param revalidations timed raw 304 revalidations per round
 * @param propertyCommits property commits per run
 * @param fastAppends fast appends per run
 * @param createdTables createTable calls per round
 * @param resultsFile the BENCHMARKS.md to refresh
 * @param logDir where the servers' output goes
 */
record BenchmarkOptions(
    int rounds,
    int loads,
    int revalidations,
    int propertyCommits,
    int fastAppends,
    int createdTables,
    Path resultsFile,
    Path logDir) {
  private static final int WARM_UP_DIVISOR = 4;

  static BenchmarkOptions fromSystemProperties() {
    return new BenchmarkOptions(
        Integer.getInteger("bench.rounds", 5),
        Integer.getInteger("bench.loads", 300),
        Integer.getInteger("bench.revalidations", 500),
        Integer.getInteger("bench.property-commits", 80),
        Integer.getInteger("bench.fast-appends", 48),
        Integer.getInteger("bench.created-tables", 60),
        Path.of(System.getProperty("bench.results", "BENCHMARKS.md")),
        Path.of(System.getProperty("bench.logs", "benchmarks/target/catalog-bench")));
  }

  BenchmarkOptions forWarmUp() {
    return new BenchmarkOptions(
        0,
        Math.max(1, loads / WARM_UP_DIVISOR),
        Math.max(1, revalidations / WARM_UP_DIVISOR),
        Math.max(8, propertyCommits / WARM_UP_DIVISOR),
        Math.max(8, fastAppends / WARM_UP_DIVISOR),
        Math.max(1, createdTables / WARM_UP_DIVISOR),
        resultsFile,
        logDir);
  }

  static int perWriter(int total, int writers) {
    return Math.max(1, total / writers);
  }
}
