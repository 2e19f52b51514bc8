package dev.floe.catalog.warehouse;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs the independent store round trips of one catalog operation side by side, so that the
 * operation waits for the slowest of them instead of their sum. The shared pool never queues:
 * when all its threads are busy the caller makes the round trip itself, which is slower but
 * cannot deadlock or wait behind other requests. Work given to it must not wait for the pool.
 */
final class RoundTrips {
  private static final int MAX_THREADS = 64;
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ExecutorService POOL =
      new ThreadPoolExecutor(
          0,
          MAX_THREADS,
          30,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          work -> {
            Thread thread = new Thread(work, "floe-store-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          },
          new ThreadPoolExecutor.CallerRunsPolicy());

  private RoundTrips() {}

  static <T> CompletableFuture<T> start(Supplier<T> roundTrip) {
    return CompletableFuture.supplyAsync(roundTrip, POOL);
  }

  static CompletableFuture<Void> start(Runnable roundTrip) {
    return CompletableFuture.runAsync(roundTrip, POOL);
  }

  /**
   * Waits until every round trip has ended, then rethrows the first failure in the order given,
   * as it was thrown; so a caller cleaning up after a failure knows nothing is still in flight.
   */
  static void awaitAll(List<CompletableFuture<?>> roundTrips) {
    RuntimeException first = null;
    for (CompletableFuture<?> roundTrip : roundTrips) {
      try {
        await(roundTrip);
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** The round trip's result; its failure rethrown as it was thrown. */
  static <T> T await(CompletableFuture<T> roundTrip) {
    try {
      return roundTrip.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
