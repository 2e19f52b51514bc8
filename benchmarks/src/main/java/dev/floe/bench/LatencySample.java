package dev.floe.bench;

import java.util.Arrays;

/** Latencies of one measured series, summarized by nearest-rank percentiles. */
final class LatencySample {
  private final long[] nanos;
  private int count;

  LatencySample(int capacity) {
    this.nanos = new long[capacity];
  }

  void record(long elapsedNanos) {
    nanos[count++] = elapsedNanos;
  }

  int count() {
    return count;
  }

  double percentileMillis(double percentile) {
    if (count == 0) {
      throw new IllegalStateException("No latency was recorded");
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percentile / 100.0 * count);
    return sorted[Math.max(rank, 1) - 1] / 1_000_000.0;
  }
}
