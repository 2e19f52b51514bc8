package dev.floe.catalog.warehouse;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;

/**
 * Lets the commits this instance receives for one table take turns, first come first served.
 *
 * <p>Concurrent commits to one table can only land one at a time, whoever runs them: racing, each
 * loser has written a metadata file and tried a swap for nothing, then retries after a backoff,
 * and the store's write latency is spent again. Taking turns, each commit starts from the version
 * its predecessor just swapped in, so its first swap succeeds. Correctness stays with the
 * compare-and-swap: other instances still race, and a commit that waited too long for its turn
 * goes ahead without it rather than fail.
 *
 * <p>Striped, so memory stays fixed however many tables are written; two tables sharing a stripe
 * only wait for each other's turns.
 */
final class CommitTurns {
  private static final int STRIPES = 256;
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  private final ReentrantLock[] turns = new ReentrantLock[STRIPES];
  private final Duration patience;

  CommitTurns() {
    this(PATIENCE);
  }

  /** @param patience how long a commit waits for its turn before it goes ahead without it */
  CommitTurns(Duration patience) {
    this.patience = patience;
    for (int i = 0; i < STRIPES; i++) {
      turns[i] = new ReentrantLock(true);
    }
  }

  <T> T inTurn(TableIdentifier table, Supplier<T> commit) {
    ReentrantLock turn = turns[Math.floorMod(spread(table.hashCode()), STRIPES)];
    boolean mine = awaitTurn(turn, table, patience);
    try {
      return commit.get();
    } finally {
      if (mine) {
        turn.unlock();
      }
    }
  }

  private static boolean awaitTurn(ReentrantLock turn, TableIdentifier table, Duration patience) {
    try {
      return turn.tryLock(patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommitFailedException(e, "Interrupted while waiting to commit %s", table);
    }
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }
}
