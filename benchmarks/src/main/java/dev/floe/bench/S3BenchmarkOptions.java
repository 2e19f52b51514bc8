package dev.floe.bench;

import java.nio.file.Path;

/**
 * How much the S3 proxy benchmark does, from system properties ({@code -Dbench.s3.rounds=…}); the
 * defaults take about ten minutes on two cores.
 *
 * @param warmUpRounds unreported rounds first, at full counts: Floe's request path needs many
 *     thousands of requests before the JIT has compiled it, and a cold path is not what is measured
 * @param rounds measured rounds
 * @param smallObjects 1 MiB objects written and then read per round and contender
 * @param largeObjects 64 MiB objects written and then read per round and contender
 * @param clients concurrent clients in the 4 KiB scenario
 * @param pairsPerClient PUT+GET pairs each of those clients makes per round
 * @param uploadBytes size of the single upload during which Floe's heap is sampled
 * @param floeHeap Floe's -Xms and -Xmx, kept small to show that it streams
 * @param resultsFile the BENCHMARKS.md to refresh
 * @param logDir where the servers' output goes
 */
record S3BenchmarkOptions(
    int warmUpRounds,
    int rounds,
    int smallObjects,
    int largeObjects,
    int clients,
    int pairsPerClient,
    long uploadBytes,
    String floeHeap,
    Path resultsFile,
    Path logDir) {
  static final int ONE_MIB = 1 << 20;
  static final int SMALL_OBJECT_BYTES = ONE_MIB;
  static final int LARGE_OBJECT_BYTES = 64 * ONE_MIB;
  static final int TINY_OBJECT_BYTES = 4096;

  static S3BenchmarkOptions fromSystemProperties() {
    return new S3BenchmarkOptions(
        Integer.getInteger("bench.s3.warm-up-rounds", 6),
        Integer.getInteger("bench.s3.rounds", 5),
        Integer.getInteger("bench.s3.small-objects", 64),
        Integer.getInteger("bench.s3.large-objects", 4),
        Integer.getInteger("bench.s3.clients", 16),
        Integer.getInteger("bench.s3.pairs-per-client", 100),
        Long.getLong("bench.s3.upload-mib", 2048) * ONE_MIB,
        System.getProperty("bench.s3.floe-heap", "256m"),
        Path.of(System.getProperty("bench.results", "BENCHMARKS.md")),
        Path.of(System.getProperty("bench.logs", "benchmarks/target/s3-bench")));
  }
}
