package dev.floe.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One upload far larger than Floe's heap, streamed by the client from a generator, while Floe's
 * heap is read every {@link #SAMPLE_PERIOD}, and its live heap measured after a full collection
 * before and after. A proxy that buffered bodies would die of OutOfMemoryError here; one that
 * keeps per-chunk objects would show a growing old generation or live heap.
 */
final class LargeUpload {
  static final Duration SAMPLE_PERIOD = Duration.ofMillis(100);

  private LargeUpload() {}

  static UploadRun run(
      S3Client client, String bucket, String key, long bytes, ProcessHandle floe, ProcessHandle store)
      throws IOException, InterruptedException {
    try (HeapSampler sampler = HeapSampler.attach(floe)) {
      long liveBefore = sampler.liveBytesNow();
      HeapSample before = sampler.sampleNow();
      long collectionsBefore = sampler.totalCollections();
      long floeCpu = CpuLedger.cpuNanos(floe);
      long storeCpu = CpuLedger.cpuNanos(store);
      sampler.start(SAMPLE_PERIOD);
      long start = System.nanoTime();
      S3Request.put(
          client, bucket, key,
          RequestBody.fromContentProvider(() -> new PatternedPayload(bytes), bytes, "application/octet-stream"));
      long elapsed = System.nanoTime() - start;
      List<HeapSample> during = sampler.stop();
      long collections = sampler.totalCollections() - collectionsBefore;
      long liveAfter = sampler.liveBytesNow();
      return new UploadRun(
          bytes,
          elapsed,
          CpuLedger.cpuNanos(floe) - floeCpu,
          CpuLedger.cpuNanos(store) - storeCpu,
          new HeapProfile(before, during, liveBefore, liveAfter, sampler.maxHeapBytes(), collections));
    }
  }
}
