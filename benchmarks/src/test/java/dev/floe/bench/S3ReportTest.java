package dev.floe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3ReportTest {
  private static final long MIB = 1 << 20;
  private static final MachineDescription MACHINE =
      new MachineDescription("2", "AMD EPYC", "Mem: 23", "OpenJDK 17", "Linux", "1.00 / 2.00 / 3.00");
  private static final S3BenchmarkOptions OPTIONS =
      new S3BenchmarkOptions(1, 3, 64, 4, 16, 100, 2048 * MIB, "256m", Path.of("BENCHMARKS.md"), Path.of("logs"));
  private static final FloeLogExcerpt QUIET_LOG = new FloeLogExcerpt(Map.of(200, 10L), List.of());

  @Test
  void givesMediansTheirRatioAndTheVerdictOnTheTarget() {
    S3Results results = new S3Results();
    for (double value : List.of(95.0, 70.0, 90.0)) {
      results.record(S3Figure.GET_1MIB, S3Rounds.FLOE_PROCESS, value);
    }
    for (double value : List.of(100.0, 100.0, 100.0)) {
      results.record(S3Figure.GET_1MIB, S3Rounds.STORE_DIRECT, value);
    }

    String markdown = report(results, QUIET_LOG);

    assertThat(markdown)
        .contains("| GET throughput, 1 MiB objects | 90.0 MiB/s | 100.0 MiB/s | 0.90 | ≥ 90 % of direct | met |")
        .contains("| GET throughput, 1 MiB objects | 95.0, 70.0, 90.0 | 100.0, 100.0, 100.0 |")
        .contains("| 4 KiB PUT+GET operations, 16 concurrent clients | failed | failed |  | ≥ 70 % of direct |  |")
        .contains("Load average (1 / 5 / 15 min) at the start: 1.00 / 2.00 / 3.00; at the end: 4.00 / 5.00 / 6.00")
        .contains("by status (whole run): 200: 10.");
  }

  @Test
  void reportsTheHeapAndTheCpuOfTheUpload() {
    S3Results results = new S3Results();
    List<HeapSample> during = List.of(new HeapSample(50 * MIB, 10 * MIB), new HeapSample(70 * MIB, 10 * MIB));
    results.upload(new UploadRun(2048 * MIB, 20_000_000_000L, 4_000_000_000L, 2_000_000_000L,
        new HeapProfile(new HeapSample(40 * MIB, 10 * MIB), during, 20 * MIB, 21 * MIB, 256 * MIB, 3)));

    String markdown = report(results, QUIET_LOG);

    assertThat(markdown)
        .contains("one 2048 MiB upload (20.0 s, 102.4 MiB/s, 2 readings, 3 garbage collections; -Xmx 256 MiB): **flat**")
        .contains("| maximum during | 70 |")
        .contains("| live heap (after a full collection) before → after the upload | 20 → 21 |")
        .contains("| PUT, the 2048 MiB upload | 2.00 | 1.00 | |");
  }

  @Test
  void failuresAndFloesOwnComplaintsAreQuotedNotHidden() {
    S3Results results = new S3Results();
    results.failure(S3Rounds.FLOE_PROCESS, "2048 MiB upload", "after the rounds",
        new IllegalStateException("PUT /s3-bench/via-floe/large-upload failed: S3Exception: Internal Error"));
    FloeLogExcerpt log = new FloeLogExcerpt(Map.of(200, 5L, 500, 1L),
        List.of("2026-11-22T07:00:00Z WARN  ProxyExchange - backend reset"));

    String markdown = report(results, log);

    assertThat(markdown)
        .contains("**not measured**, the upload failed")
        .contains("- Floe, 2048 MiB upload, after the rounds: IllegalStateException: PUT /s3-bench/via-floe/large-upload"
            + " failed: S3Exception: Internal Error")
        .contains("```\n2026-11-22T07:00:00Z WARN  ProxyExchange - backend reset\n```")
        .contains("200: 5, 500: 1");
  }

  private static String report(S3Results results, FloeLogExcerpt log) {
    return new S3Report(results, MACHINE, OPTIONS, LocalDate.of(2026, 11, 22), "4.00 / 5.00 / 6.00", log).markdown();
  }
}
