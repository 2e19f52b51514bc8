package dev.floe.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs every scenario on both targets, round after round: warm-up rounds first (not reported),
 * then the measured rounds. Within a round each scenario runs on both targets back to back,
 * alternating which goes first, so that a change in the shared machine's load, or a warmer page
 * cache, falls on both alike. Around every PUT and GET phase it reads the CPU time of Floe and of
 * S3Proxy. A scenario that fails is recorded with the request that failed, and the rest go on.
 */
final class S3Rounds {
  static final String BUCKET = "s3-bench";
  static final String FLOE_PROCESS = "Floe";
  static final String STORE_BEHIND_FLOE = "S3Proxy behind Floe";
  static final String STORE_DIRECT = "S3Proxy direct";

  /** A target with its client; {@code viaFloe} tells whose CPU its traffic costs. */
  record Contender(S3Target target, S3Client client, boolean viaFloe) {
    String name() {
      return target.name();
    }

    String keyPrefix() {
      return viaFloe ? "via-floe/" : "direct/";
    }
  }

  @FunctionalInterface
  private interface Scenario {
    void run(Contender contender, boolean warmUp) throws Exception;
  }

  private record CpuReading(long floe, long store) {}

  private final S3BenchmarkOptions options;
  private final List<Contender> contenders;
  private final ProcessHandle floe;
  private final ProcessHandle store;
  private final PrintStream out;
  private final S3Results results = new S3Results();
  private final RequestBody smallBody =
      RequestBody.fromBytes(PatternedPayload.bytes(S3BenchmarkOptions.SMALL_OBJECT_BYTES));
  private final RequestBody largeBody =
      RequestBody.fromBytes(PatternedPayload.bytes(S3BenchmarkOptions.LARGE_OBJECT_BYTES));

  S3Rounds(
      S3BenchmarkOptions options, List<Contender> contenders, ProcessHandle floe, ProcessHandle store,
      PrintStream out) {
    this.options = options;
    this.contenders = contenders;
    this.floe = floe;
    this.store = store;
    this.out = out;
  }

  S3Results run() {
    List<String> names = List.of("1 MiB PUT/GET", "64 MiB PUT/GET", "4 KiB PUT+GET");
    List<Scenario> scenarios =
        List.of(
            (contender, warmUp) -> transfers(contender, warmUp, "1 MiB", S3BenchmarkOptions.SMALL_OBJECT_BYTES,
                smallBody, options.smallObjects(), S3Figure.PUT_1MIB, S3Figure.GET_1MIB),
            (contender, warmUp) -> transfers(contender, warmUp, "64 MiB", S3BenchmarkOptions.LARGE_OBJECT_BYTES,
                largeBody, options.largeObjects(), S3Figure.PUT_64MIB, S3Figure.GET_64MIB),
            (contender, warmUp) -> tinyOperations(contender, warmUp));
    for (int round = 1; round <= options.warmUpRounds() + options.rounds(); round++) {
      boolean warmUp = round <= options.warmUpRounds();
      String label = warmUp ? "warm-up " + round : "round " + (round - options.warmUpRounds());
      for (int i = 0; i < scenarios.size(); i++) {
        List<Contender> order = new ArrayList<>(contenders);
        if ((round + i) % 2 == 1) {
          Collections.reverse(order);
        }
        for (Contender contender : order) {
          try {
            out.printf(Locale.ROOT, "%-9s %-15s %s%n", label, contender.name(), names.get(i));
            scenarios.get(i).run(contender, warmUp);
          } catch (Exception e) {
            results.failure(contender.name(), names.get(i), label, e);
            out.printf("%-9s %-15s %s FAILED: %s%n", label, contender.name(), names.get(i), BenchTables.describe(e));
          }
        }
      }
    }
    return results;
  }

  private void transfers(
      Contender contender, boolean warmUp, String size, int objectBytes, RequestBody body, int count,
      S3Figure putFigure, S3Figure getFigure) {
    String prefix = contender.keyPrefix() + size.replace(' ', '-') + "/";
    long bytes = (long) objectBytes * count;

    CpuReading cpu = cpuNow();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      S3Request.put(contender.client(), BUCKET, prefix + i, body);
    }
    measured(contender, warmUp, putFigure, "PUT", size, bytes, System.nanoTime() - start, cpu);

    cpu = cpuNow();
    start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      S3Request.get(contender.client(), BUCKET, prefix + i, objectBytes);
    }
    measured(contender, warmUp, getFigure, "GET", size, bytes, System.nanoTime() - start, cpu);
  }

  private void measured(
      Contender contender, boolean warmUp, S3Figure figure, String operation, String size, long bytes, long nanos,
      CpuReading before) {
    CpuReading after = cpuNow();
    double mibPerSecond = bytes / (double) S3BenchmarkOptions.ONE_MIB / (nanos / 1e9);
    out.printf(Locale.ROOT, "           %s %s: %.1f MiB/s%n", operation, size, mibPerSecond);
    if (warmUp) {
      return;
    }
    results.record(figure, contender.name(), mibPerSecond);
    CpuLedger ledger = results.cpu();
    if (contender.viaFloe()) {
      ledger.add(operation, size, FLOE_PROCESS, after.floe() - before.floe(), bytes);
      ledger.add(operation, size, STORE_BEHIND_FLOE, after.store() - before.store(), bytes);
    } else {
      ledger.add(operation, size, STORE_DIRECT, after.store() - before.store(), bytes);
    }
  }

  private void tinyOperations(Contender contender, boolean warmUp) throws InterruptedException {
    double perSecond =
        new TinyObjectOperations(contender.client(), BUCKET, contender.keyPrefix() + "4-KiB/")
            .run(options.clients(), options.pairsPerClient());
    out.printf(Locale.ROOT, "           %.0f ops/s%n", perSecond);
    if (!warmUp) {
      results.record(S3Figure.TINY_OPERATIONS, contender.name(), perSecond);
    }
  }

  private CpuReading cpuNow() {
    return new CpuReading(CpuLedger.cpuNanos(floe), CpuLedger.cpuNanos(store));
  }
}
