package dev.floe.bench;

import java.util.List;

/**
 * Floe's heap while one large upload streamed through it: the reading just before, every periodic
 * reading during, the live heap (used right after a full collection) before and after, and how
 * many collections ran. A streaming proxy keeps nothing of what it streamed: its old generation
 * does not fill with the upload's bytes and its live heap afterwards is what it was before. The
 * used heap between collections only says how much garbage the young generation has gathered so
 * far; it climbs steadily when few or no collections run, however little is kept.
 *
 * @param before the reading just before the upload started
 * @param during the periodic readings, in order
 * @param liveBytesBefore used heap right after a full collection before the upload
 * @param liveBytesAfter used heap right after a full collection after the upload
 * @param maxHeapBytes the JVM's -Xmx
 * @param collections garbage collections during the upload
 */
record HeapProfile(
    HeapSample before,
    List<HeapSample> during,
    long liveBytesBefore,
    long liveBytesAfter,
    long maxHeapBytes,
    long collections) {
  /** How much growth of the live heap or of the old generation still counts as flat. */
  static final long FLAT_TOLERANCE_BYTES = 32L << 20;

  HeapProfile {
    if (during.isEmpty()) {
      throw new IllegalArgumentException("A heap profile needs at least one reading during the upload");
    }
    during = List.copyOf(during);
  }

  long minUsedBytes() {
    return during.stream().mapToLong(HeapSample::usedBytes).min().orElseThrow();
  }

  long maxUsedBytes() {
    return during.stream().mapToLong(HeapSample::usedBytes).max().orElseThrow();
  }

  double medianUsedBytes() {
    return Median.of(during.stream().map(HeapSample::usedBytes).toList()).orElseThrow();
  }

  double firstQuarterMedianBytes() {
    return medianUsed(during.subList(0, quarter()));
  }

  double lastQuarterMedianBytes() {
    return medianUsed(during.subList(during.size() - quarter(), during.size()));
  }

  long maxOldGenerationBytes() {
    return during.stream().mapToLong(HeapSample::oldGenerationBytes).max().orElseThrow();
  }

  boolean flat() {
    return liveBytesAfter - liveBytesBefore < FLAT_TOLERANCE_BYTES
        && maxOldGenerationBytes() - before.oldGenerationBytes() < FLAT_TOLERANCE_BYTES;
  }

  private int quarter() {
    return Math.max(1, during.size() / 4);
  }

  private static double medianUsed(List<HeapSample> samples) {
    return Median.of(samples.stream().map(HeapSample::usedBytes).toList()).orElseThrow();
  }
}
