package dev.floe.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Many clients each writing a 4 KiB object and reading it back, over and over, all at once: the
 * per-request cost of a proxy (authentication, classification, a second HTTP hop) rather than its
 * bandwidth. The clients share one SDK client and its connection pool, as threads of one
 * application do; every one starts at the same instant.
 */
final class TinyObjectOperations {
  private final S3Client client;
  private final String bucket;
  private final String prefix;
  private final RequestBody body = RequestBody.fromBytes(PatternedPayload.bytes(S3BenchmarkOptions.TINY_OBJECT_BYTES));

  TinyObjectOperations(S3Client client, String bucket, String prefix) {
    this.client = client;
    this.bucket = bucket;
    this.prefix = prefix;
  }

  /** Runs {@code pairs} PUT+GET pairs on each of {@code clients} threads; returns requests per second. */
  double run(int clients, int pairs) throws InterruptedException {
    ExecutorService threads = Executors.newFixedThreadPool(clients);
    CountDownLatch ready = new CountDownLatch(clients);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Void>> workers = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        workers.add(threads.submit(worker(prefix + "client-" + c + "/", pairs, ready, go)));
      }
      ready.await();
      long start = System.nanoTime();
      go.countDown();
      for (Future<Void> worker : workers) {
        awaitWorker(worker);
      }
      long elapsed = System.nanoTime() - start;
      return 2.0 * clients * pairs / (elapsed / 1e9);
    } finally {
      threads.shutdownNow();
    }
  }

  private Callable<Void> worker(String keyPrefix, int pairs, CountDownLatch ready, CountDownLatch go) {
    return () -> {
      ready.countDown();
      go.await();
      for (int i = 0; i < pairs; i++) {
        String key = keyPrefix + i;
        S3Request.put(client, bucket, key, body);
        S3Request.get(client, bucket, key, S3BenchmarkOptions.TINY_OBJECT_BYTES);
      }
      return null;
    };
  }

  private static void awaitWorker(Future<Void> worker) throws InterruptedException {
    try {
      worker.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    }
  }
}
