package dev.floe.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Per-round figures of each target, the CPU each process spent, the large upload, and what failed. */
final class S3Results {
  private final Map<S3Figure, Map<String, List<Double>>> figures = new EnumMap<>(S3Figure.class);
  private final CpuLedger cpu = new CpuLedger();
  private final List<String> failures = new ArrayList<>();
  private UploadRun upload;

  void record(S3Figure figure, String target, double value) {
    figures.computeIfAbsent(figure, f -> new HashMap<>()).computeIfAbsent(target, t -> new ArrayList<>()).add(value);
  }

  void failure(String target, String scenario, String round, Throwable error) {
    failures.add(target + ", " + scenario + ", " + round + ": " + BenchTables.describe(error));
  }

  void upload(UploadRun run) {
    this.upload = run;
  }

  List<Double> values(S3Figure figure, String target) {
    return figures.getOrDefault(figure, Map.of()).getOrDefault(target, List.of());
  }

  OptionalDouble median(S3Figure figure, String target) {
    return Median.of(values(figure, target));
  }

  CpuLedger cpu() {
    return cpu;
  }

  Optional<UploadRun> upload() {
    return Optional.ofNullable(upload);
  }

  List<String> failures() {
    return failures;
  }
}
