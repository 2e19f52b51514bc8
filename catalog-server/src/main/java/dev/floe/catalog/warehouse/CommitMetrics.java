package dev.floe.catalog.warehouse;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;
import org.apache.iceberg.exceptions.CommitFailedException;

/** Commit outcomes, lost races and latency, per warehouse. */
final class CommitMetrics {
  private final Counter success;
  private final Counter conflict;
  private final Counter failure;
  private final Counter retries;
  private final Timer latency;

  CommitMetrics(MeterRegistry meters, String warehouse) {
    this.success = outcome(meters, warehouse, "success");
    this.conflict = outcome(meters, warehouse, "conflict");
    this.failure = outcome(meters, warehouse, "failure");
    this.retries =
        Counter.builder("floe.catalog.commit.retries")
            .description("Commits retried server-side after losing a race on the table pointer")
            .tag("warehouse", warehouse)
            .register(meters);
    this.latency =
        Timer.builder("floe.catalog.commit.latency")
            .description("Time to commit, retries included")
            .tag("warehouse", warehouse)
            .publishPercentileHistogram()
            .register(meters);
  }

  private static Counter outcome(MeterRegistry meters, String warehouse, String result) {
    return Counter.builder("floe.catalog.commits")
        .description("Table commits by outcome")
        .tag("warehouse", warehouse)
        .tag("result", result)
        .register(meters);
  }

  /** Times a commit and counts it as a success, a conflict (409) or a failure. */
  <T> T record(Supplier<T> commit) {
    Timer.Sample sample = Timer.start();
    try {
      T result = commit.get();
      success.increment();
      return result;
    } catch (CommitFailedException e) {
      conflict.increment();
      throw e;
    } catch (RuntimeException e) {
      failure.increment();
      throw e;
    } finally {
      sample.stop(latency);
    }
  }

  void retried() {
    retries.increment();
  }
}
