package dev.floe.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * CPU seconds each process spent per GiB it moved, by operation (PUT or GET) and object size,
 * summed over the measured rounds. The kernel counts a process's CPU time for all its threads, so
 * GC and JIT work caused by the traffic is included, as it should be.
 */
final class CpuLedger {
  private static final double GIB = 1L << 30;

  private record Key(String operation, String size, String process) {}

  private record Spent(long cpuNanos, long bytes) {
    Spent plus(Spent other) {
      return new Spent(cpuNanos + other.cpuNanos, bytes + other.bytes);
    }
  }

  private final Map<Key, Spent> spent = new LinkedHashMap<>();

  /** CPU time a process has used so far (user and system, all threads), or zero where unknown. */
  static long cpuNanos(ProcessHandle process) {
    return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  void add(String operation, String size, String process, long cpuNanos, long bytes) {
    spent.merge(new Key(operation, size, process), new Spent(cpuNanos, bytes), Spent::plus);
  }

  /** Seconds per GiB for one operation on one object size. */
  OptionalDouble secondsPerGiB(String operation, String size, String process) {
    return perGiB(spent.getOrDefault(new Key(operation, size, process), new Spent(0, 0)));
  }

  /** Seconds per GiB for one operation over every object size together. */
  OptionalDouble secondsPerGiB(String operation, String process) {
    return perGiB(
        spent.entrySet().stream()
            .filter(entry -> entry.getKey().operation().equals(operation) && entry.getKey().process().equals(process))
            .map(Map.Entry::getValue)
            .reduce(new Spent(0, 0), Spent::plus));
  }

  private static OptionalDouble perGiB(Spent spent) {
    return spent.bytes() == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of(spent.cpuNanos() / 1e9 / (spent.bytes() / GIB));
  }
}
