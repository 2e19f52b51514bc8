package dev.floe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuLedgerTest {
  private static final long GIB = 1L << 30;
  private static final long SECOND = 1_000_000_000L;

  @Test
  void secondsPerGibSumOverRoundsOfOneSize() {
    CpuLedger ledger = new CpuLedger();
    ledger.add("PUT", "1 MiB", "Floe", SECOND, GIB / 2);
    ledger.add("PUT", "1 MiB", "Floe", 3 * SECOND, GIB / 2);

    assertThat(ledger.secondsPerGiB("PUT", "1 MiB", "Floe")).hasValue(4.0);
  }

  @Test
  void anOperationsFigureWeighsSizesByTheBytesMoved() {
    CpuLedger ledger = new CpuLedger();
    ledger.add("GET", "1 MiB", "Floe", 2 * SECOND, GIB);
    ledger.add("GET", "64 MiB", "Floe", 1 * SECOND, 3 * GIB);
    ledger.add("PUT", "64 MiB", "Floe", 100 * SECOND, GIB);
    ledger.add("GET", "64 MiB", "S3Proxy direct", 100 * SECOND, GIB);

    assertThat(ledger.secondsPerGiB("GET", "Floe")).hasValue(0.75);
  }

  @Test
  void nothingMovedHasNoFigure() {
    assertThat(new CpuLedger().secondsPerGiB("GET", "64 MiB", "Floe")).isEmpty();
    assertThat(new CpuLedger().secondsPerGiB("GET", "Floe")).isEmpty();
  }

  @Test
  void readsTheCpuTimeOfARunningProcess() {
    assertThat(CpuLedger.cpuNanos(ProcessHandle.current())).isPositive();
  }
}
