package dev.floe.bench;

import java.nio.file.Path;

/**
 * How much the catalog benchmark does, from system properties ({@code -Dbench.rounds=…}); the
 * defaults take about ten minutes on two cores. Write counts are totals per run, split evenly
 * among the writers.
 *
 * @param warmUpRounds unreported rounds first, at full counts: both servers' figures still climbed
 *     through five measured rounds after a single short warm-up, so the JIT had not finished
 * @param rounds measured rounds
 * @param loads timed loadTable calls per round, for each client cache setting
 * @param revalidations timed raw 304 revalidations per round
 * @param propertyCommits property commits per run
 * @param fastAppends fast appends per run
 * @param createdTables createTable calls per round
 * @param resultsFile the BENCHMARKS.md to refresh
 * @param logDir where the servers' output goes
 */
record BenchmarkOptions(
    int warmUpRounds,
    int rounds,
    int loads,
    int revalidations,
    int propertyCommits,
    int fastAppends,
    int createdTables,
    Path resultsFile,
    Path logDir) {
  static BenchmarkOptions fromSystemProperties() {
    return new BenchmarkOptions(
        Integer.getInteger("bench.warm-up-rounds", 2),
        Integer.getInteger("bench.rounds", 5),
        Integer.getInteger("bench.loads", 300),
        Integer.getInteger("bench.revalidations", 500),
        Integer.getInteger("bench.property-commits", 80),
        Integer.getInteger("bench.fast-appends", 48),
        Integer.getInteger("bench.created-tables", 60),
        Path.of(System.getProperty("bench.results", "BENCHMARKS.md")),
        Path.of(System.getProperty("bench.logs", "benchmarks/target/catalog-bench")));
  }

  static int perWriter(int total, int writers) {
    return Math.max(1, total / writers);
  }
}
