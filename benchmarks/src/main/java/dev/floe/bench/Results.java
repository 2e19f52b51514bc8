package dev.floe.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Per-round figures of each contender, audits of every timed write run, and failed scenarios. */
final class Results {
  private final Map<Figure, Map<String, List<Double>>> figures = new EnumMap<>(Figure.class);
  private final Map<String, Map<String, CommitAudit>> audits = new LinkedHashMap<>();
  private final List<String> failures = new ArrayList<>();

  void record(Figure figure, String contender, double value) {
    figures.computeIfAbsent(figure, f -> new HashMap<>()).computeIfAbsent(contender, c -> new ArrayList<>()).add(value);
  }

  void audit(String scenario, String contender, CommitAudit audit) {
    audits.computeIfAbsent(scenario, s -> new LinkedHashMap<>()).merge(contender, audit, CommitAudit::plus);
  }

  void failure(String contender, String scenario, String round, Exception error) {
    failures.add(contender + ", " + scenario + ", " + round + ": " + BenchTables.describe(error));
  }

  List<Double> values(Figure figure, String contender) {
    return figures.getOrDefault(figure, Map.of()).getOrDefault(contender, List.of());
  }

  OptionalDouble median(Figure figure, String contender) {
    List<Double> sorted = values(figure, contender).stream().sorted().toList();
    if (sorted.isEmpty()) {
      return OptionalDouble.empty();
    }
    int middle = sorted.size() / 2;
    return OptionalDouble.of(
        sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2);
  }

  /** Scenario → contender → audit summed over every run, warm-up included. */
  Map<String, Map<String, CommitAudit>> audits() {
    return audits;
  }

  List<String> failures() {
    return failures;
  }

  boolean nothingLostOrDuplicated() {
    return audits.values().stream()
        .flatMap(byContender -> byContender.values().stream())
        .allMatch(CommitAudit::nothingLostOrDuplicated);
  }
}
