package dev.floe.bench;

/** The one large upload through Floe: how long it took, the CPU it cost each process, and Floe's heap meanwhile. */
record UploadRun(long bytes, long elapsedNanos, long floeCpuNanos, long storeCpuNanos, HeapProfile heap) {
  double mebibytesPerSecond() {
    return bytes / (double) (1 << 20) / (elapsedNanos / 1e9);
  }
}
