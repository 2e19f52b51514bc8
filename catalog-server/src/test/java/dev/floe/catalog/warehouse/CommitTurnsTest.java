package dev.floe.catalog.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CommitTurnsTest {
  private static final TableIdentifier TABLE = TableIdentifier.of(Namespace.of("ns"), "t");

  private final ExecutorService writers = Executors.newFixedThreadPool(8);

  @AfterEach
  void stopWriters() {
    writers.shutdownNow();
  }

  @Test
  void commitsToOneTableRunOneAtATime() throws Exception {
    CommitTurns turns = new CommitTurns();
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger mostInside = new AtomicInteger();
    List<Future<Integer>> commits = new ArrayList<>();
    for (int writer = 0; writer < 8; writer++) {
      commits.add(
          writers.submit(
              () -> {
                int total = 0;
                for (int i = 0; i < 20; i++) {
                  total +=
                      turns.inTurn(
                          TABLE,
                          () -> {
                            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            pause();
                            inside.decrementAndGet();
                            return 1;
                          });
                }
                return total;
              }));
    }

    int done = 0;
    for (Future<Integer> commit : commits) {
      done += commit.get(30, TimeUnit.SECONDS);
    }
    assertThat(done).isEqualTo(160);
    assertThat(mostInside).hasValue(1);
  }

  @Test
  void aCommitThatWaitedOutItsPatienceGoesAheadWithoutItsTurn() throws Exception {
    CommitTurns turns = new CommitTurns(Duration.ofMillis(50));
    CountDownLatch firstInside = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    Future<Integer> first =
        writers.submit(
            () ->
                turns.inTurn(
                    TABLE,
                    () -> {
                      firstInside.countDown();
                      await(releaseFirst);
                      return 1;
                    }));
    assertThat(firstInside.await(10, TimeUnit.SECONDS)).isTrue();

    Future<Integer> second = writers.submit(() -> turns.inTurn(TABLE, () -> 2));

    assertThat(second.get(10, TimeUnit.SECONDS))
        .as("the second commit ran while the first still held the turn")
        .isEqualTo(2);
    releaseFirst.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
  }

  /** Long enough that racing commits would overlap. */
  private static void pause() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
