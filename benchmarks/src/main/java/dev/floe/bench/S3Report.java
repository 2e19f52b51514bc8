package dev.floe.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** The S3 proxy benchmark's section of BENCHMARKS.md: setup, medians, ratios, targets, heap, CPU. */
final class S3Report {
  private static final String FLOE = S3Rounds.FLOE_PROCESS;
  private static final String DIRECT = S3Rounds.STORE_DIRECT;
  private static final List<String> SIZES = List.of("1 MiB", "64 MiB");

  private final S3Results results;
  private final MachineDescription machine;
  private final S3BenchmarkOptions options;
  private final LocalDate date;
  private final String loadAtEnd;
  private final FloeLogExcerpt floeLog;

  S3Report(
      S3Results results, MachineDescription machine, S3BenchmarkOptions options, LocalDate date, String loadAtEnd,
      FloeLogExcerpt floeLog) {
    this.results = results;
    this.machine = machine;
    this.options = options;
    this.date = date;
    this.loadAtEnd = loadAtEnd;
    this.floeLog = floeLog;
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("## S3 API: Floe in front of S3Proxy vs S3Proxy directly, ").append(date).append("\n\n");
    md.append(machine.markdown(loadAtEnd));
    md.append(setup()).append("\n\n");
    md.append(figures()).append('\n');
    md.append(heap()).append('\n');
    md.append(cpu()).append('\n');
    md.append(perRound()).append('\n');
    md.append(requests());
    if (!results.failures().isEmpty()) {
      md.append("\nFailures (request, status and message as the client saw them):\n\n");
      results.failures().forEach(failure -> md.append("- ").append(failure).append('\n'));
    }
    if (!floeLog.notableLines().isEmpty()) {
      md.append("\nFloe's last warnings, errors and refused requests (from its output):\n\n```\n");
      floeLog.notableLines().forEach(line -> md.append(line).append('\n'));
      md.append("```\n");
    }
    return md.toString();
  }

  private String setup() {
    return String.format(Locale.ROOT,
        "Run with `benchmarks/run-s3.sh`: %d measured rounds after %d unreported warm-up rounds of the"
            + " same size; within a round each scenario runs on both targets back to back, alternating which goes"
            + " first. Each figure is the **median of the rounds**. Per round and target: %d objects of 1 MiB and"
            + " %d of 64 MiB written one after another, then read back whole (bytes counted); %d clients each"
            + " making %d PUT+GET pairs of 4 KiB objects at once (every request counts as one operation).%n%n"
            + "Setup: S3Proxy (filesystem backend in a temporary directory) in its own JVM (`-Xms1g -Xmx1g`, G1);"
            + " Floe in another JVM (`-Xms%s -Xmx%s`, G1) fronting it as an external store; the client in"
            + " the benchmark's JVM, all on 127.0.0.1. Both targets get the same AWS SDK v2 client (Apache 5 HTTP"
            + " client, 64 pooled connections, path-style, SDK default checksums, so uploads are `aws-chunked` with"
            + " signed chunks and a CRC32 trailer; no retries, so failures show) with their own keys. Floe verifies"
            + " every request's SigV4 signature and re-signs it for S3Proxy. The heap figures come from one"
            + " %d MiB upload through Floe after the rounds, Floe's heap read over JMX (attach API) every"
            + " %d ms. CPU is each process's CPU time (user + system, all threads) over the measured rounds'"
            + " PUT and GET phases, divided by the GiB moved.",
        options.rounds(), options.warmUpRounds(), options.smallObjects(), options.largeObjects(), options.clients(),
        options.pairsPerClient(), options.floeHeap(), options.floeHeap(), options.uploadBytes() >> 20,
        LargeUpload.SAMPLE_PERIOD.toMillis());
  }

  private String figures() {
    StringBuilder table = new StringBuilder();
    table.append("| Figure | Floe | S3Proxy direct | Floe / direct | Target | |\n");
    table.append("|---|---:|---:|---:|---|---|\n");
    for (S3Figure figure : S3Figure.values()) {
      OptionalDouble floe = results.median(figure, FLOE);
      OptionalDouble direct = results.median(figure, DIRECT);
      table.append("| ").append(figure.label(options.clients()))
          .append(" | ").append(value(figure, floe))
          .append(" | ").append(value(figure, direct))
          .append(" | ").append(ratio(floe, direct))
          .append(" | ").append(figure.goal().text())
          .append(" | ").append(figure.goal().verdict(floe, direct))
          .append(" |\n");
    }
    return table.toString();
  }

  private String heap() {
    if (results.upload().isEmpty()) {
      return "Floe's heap during the " + (options.uploadBytes() >> 20) + " MiB upload: **not measured**, the upload"
          + " failed (see below).\n";
    }
    UploadRun upload = results.upload().get();
    HeapProfile heap = upload.heap();
    return String.format(Locale.ROOT,
        "Floe's heap during one %d MiB upload (%.1f s, %.1f MiB/s, %d readings, %d garbage collections;"
            + " -Xmx %d MiB): **%s**.%n%n"
            + "| Used heap | MiB |%n|---|---:|%n"
            + "| just before the upload | %d |%n"
            + "| minimum during | %d |%n"
            + "| median during | %.0f |%n"
            + "| maximum during | %d |%n"
            + "| median, first quarter of the upload | %.0f |%n"
            + "| median, last quarter of the upload | %.0f |%n"
            + "| old generation before → maximum during | %d → %d |%n"
            + "| live heap (after a full collection) before → after the upload | %d → %d |%n",
        upload.bytes() >> 20, upload.elapsedNanos() / 1e9, upload.mebibytesPerSecond(), heap.during().size(),
        heap.collections(), heap.maxHeapBytes() >> 20,
        heap.flat() ? "flat" : "not flat",
        heap.before().usedBytes() >> 20, heap.minUsedBytes() >> 20, heap.medianUsedBytes() / (1 << 20),
        heap.maxUsedBytes() >> 20, heap.firstQuarterMedianBytes() / (1 << 20),
        heap.lastQuarterMedianBytes() / (1 << 20), heap.before().oldGenerationBytes() >> 20,
        heap.maxOldGenerationBytes() >> 20, heap.liveBytesBefore() >> 20, heap.liveBytesAfter() >> 20)
        + String.format(Locale.ROOT,
            "%nFlat means: the old generation grown by less than %d MiB during the upload, and the live"
                + " heap after it within %d MiB of the live heap before it. The used heap between"
                + " collections climbs with the garbage the young generation gathers, so its quarters"
                + " are shown, not judged.%n",
            HeapProfile.FLAT_TOLERANCE_BYTES >> 20, HeapProfile.FLAT_TOLERANCE_BYTES >> 20);
  }

  private String cpu() {
    CpuLedger ledger = results.cpu();
    StringBuilder table = new StringBuilder("CPU seconds per GiB moved (measured rounds):\n\n");
    table.append("| Operation | Floe | S3Proxy behind Floe | S3Proxy direct |\n|---|---:|---:|---:|\n");
    for (String operation : List.of("PUT", "GET")) {
      for (String size : SIZES) {
        table.append("| ").append(operation).append(' ').append(size);
        for (String process : List.of(FLOE, S3Rounds.STORE_BEHIND_FLOE, DIRECT)) {
          table.append(" | ").append(seconds(ledger.secondsPerGiB(operation, size, process)));
        }
        table.append(" |\n");
      }
      table.append("| **").append(operation).append(", both sizes**");
      for (String process : List.of(FLOE, S3Rounds.STORE_BEHIND_FLOE, DIRECT)) {
        table.append(" | **").append(seconds(ledger.secondsPerGiB(operation, process))).append("**");
      }
      table.append(" |\n");
    }
    results.upload().ifPresent(upload -> {
      double gib = upload.bytes() / (double) (1L << 30);
      table.append(String.format(Locale.ROOT, "| PUT, the %d MiB upload | %.2f | %.2f | |%n",
          upload.bytes() >> 20, upload.floeCpuNanos() / 1e9 / gib, upload.storeCpuNanos() / 1e9 / gib));
    });
    return table.toString();
  }

  private String perRound() {
    StringBuilder table = new StringBuilder("Per-round values:\n\n| Figure | Floe | S3Proxy direct |\n|---|---|---|\n");
    for (S3Figure figure : S3Figure.values()) {
      table.append("| ").append(figure.label(options.clients()))
          .append(" | ").append(rounds(figure, FLOE))
          .append(" | ").append(rounds(figure, DIRECT))
          .append(" |\n");
    }
    return table.toString();
  }

  private String requests() {
    if (floeLog.statusCounts().isEmpty()) {
      return "Floe's access log shows no requests.\n";
    }
    return "Requests in Floe's access log by status (whole run): "
        + floeLog.statusCounts().entrySet().stream()
            .map(entry -> entry.getKey() + ": " + entry.getValue())
            .collect(Collectors.joining(", "))
        + ".\n";
  }

  private String rounds(S3Figure figure, String target) {
    return results.values(figure, target).stream()
        .map(value -> figure.unit().formatBare(value))
        .collect(Collectors.joining(", "));
  }

  private static String value(S3Figure figure, OptionalDouble value) {
    return value.isPresent() ? figure.unit().format(value.getAsDouble()) : "failed";
  }

  private static String ratio(OptionalDouble floe, OptionalDouble direct) {
    return floe.isPresent() && direct.isPresent() && direct.getAsDouble() > 0
        ? String.format(Locale.ROOT, "%.2f", floe.getAsDouble() / direct.getAsDouble())
        : "";
  }

  private static String seconds(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.2f", value.getAsDouble()) : "";
  }
}
