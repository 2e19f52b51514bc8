package dev.floe.s3.guard;

import io.micrometer.core.instrument.MeterRegistry;

/** Guard refusals on the S3 path, by rule: {@code floe.guard.refusals{rule}}. */
public final class GuardMetrics {

  static final String REFUSALS = "floe.guard.refusals";

  private final MeterRegistry registry;

  public GuardMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void refused(String rule) {
    registry.counter(REFUSALS, "rule", rule).increment();
  }
}
