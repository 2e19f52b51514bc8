package dev.floe.catalog.warehouse;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection: the process "dies" the n-th time it reaches a point. An {@link Error}, so no
 * catch block of the protocol under test runs: nothing after the point happens, as in a crash.
 */
final class CrashAt implements CatalogFaults {
  private final FaultPoint point;
  private final int occurrence;
  private final AtomicInteger reached = new AtomicInteger();

  CrashAt(FaultPoint point, int occurrence) {
    this.point = point;
    this.occurrence = occurrence;
  }

  @Override
  public void reach(FaultPoint at) {
    if (at == point && reached.incrementAndGet() == occurrence) {
      throw new SimulatedCrash(at);
    }
  }

  static final class SimulatedCrash extends Error {
    SimulatedCrash(FaultPoint point) {
      super("simulated crash after " + point);
    }
  }
}
