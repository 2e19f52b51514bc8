package dev.floe.catalog.warehouse;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.iceberg.exceptions.CommitFailedException;

/**
 * Waits between attempts of a lost race: exponential with full jitter, so that writers that
 * collided spread out instead of colliding again; bounded in attempts and in total time.
 */
final class Backoff {
  static final int MAX_ATTEMPTS = 100;
  private static final long BASE_MILLIS = 5;
  private static final long CAP_MILLIS = 500;
  private static final Duration BUDGET = Duration.ofSeconds(120);

  private final long startNanos = System.nanoTime();
  private int attempt;

  /** Waits before the next attempt; a {@link CommitFailedException} once the budget is spent. */
  void pause(Object what) {
    attempt++;
    if (attempt >= MAX_ATTEMPTS || System.nanoTime() - startNanos > BUDGET.toNanos()) {
      throw new CommitFailedException(
          "Cannot commit %s: still contended after %s attempts", what, attempt);
    }
    long ceiling = Math.min(CAP_MILLIS, BASE_MILLIS << Math.min(attempt, 16));
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommitFailedException(e, "Interrupted while retrying the commit of %s", what);
    }
  }
}
