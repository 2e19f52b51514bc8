package dev.floe.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** The catalog benchmark's section of BENCHMARKS.md: setup, medians, ratios, targets, audits. */
final class CatalogReport {
  private final Results results;
  private final MachineDescription machine;
  private final BenchmarkOptions options;
  private final LocalDate date;
  private final String loadAtEnd;
  private final String floe;
  private final String reference;

  CatalogReport(
      Results results, MachineDescription machine, BenchmarkOptions options, LocalDate date, String loadAtEnd,
      String floe, String reference) {
    this.results = results;
    this.machine = machine;
    this.options = options;
    this.date = date;
    this.loadAtEnd = loadAtEnd;
    this.floe = floe;
    this.reference = reference;
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("## Catalog: Floe vs Iceberg's reference REST server, ").append(date).append("\n\n");
    md.append(machine.markdown(loadAtEnd));
    md.append(setup()).append("\n\n");
    md.append(figures()).append("\n");
    md.append(audits()).append("\n");
    md.append(perRound());
    if (!results.failures().isEmpty()) {
      md.append("\nFailed scenarios:\n\n");
      results.failures().forEach(failure -> md.append("- ").append(failure).append('\n'));
    }
    return md.toString();
  }

  private String setup() {
    return String.format(Locale.ROOT,
        "Run with `benchmarks/run-catalog.sh`: %d measured rounds after %d unreported warm-up rounds of the"
            + " same size; within a round each scenario runs on both contenders back to back, alternating which goes"
            + " first. Each figure is the **median of the rounds**;"
            + " a round's latency figure is a percentile of %d timed `loadTable` calls (%d raw revalidations)."
            + " Per run: %d property commits, %d fast appends (1 writer, or 8 writers with an eighth each, on"
            + " one fresh table), %d `createTable` calls.%n%n"
            + "Setup: each server in its own JVM (`-Xms1g -Xmx1g`, G1) on 127.0.0.1; one S3Proxy (filesystem"
            + " backend in a temporary directory) holds both catalogs' files; the client is Iceberg Java's"
            + " `RESTCatalog` in the benchmark's JVM, one client per writer. Floe fronts S3Proxy as an external"
            + " store, clients sign with SigV4 (`s3tables`) and write table files through Floe's S3 endpoint."
            + " The reference is Iceberg's `RESTCatalogServlet` + `RESTCatalogAdapter` (iceberg-core 1.11 test"
            + " classes, wired as `RESTCatalogServer` wires them) on `JdbcCatalog` with a SQLite file (WAL,"
            + " `synchronous=OFF`: S3Proxy does not fsync either), its clients writing straight to S3Proxy. Tables are format v3; clients retry a conflicting commit"
            + " up to 20 times; Iceberg's client defaults otherwise (metrics reports on, table cache 100"
            + " entries, or 0 for \"cache off\"). Revalidations are signed before their clock starts.",
        options.rounds(), options.warmUpRounds(), options.loads(), options.revalidations(), options.propertyCommits(), options.fastAppends(),
        options.createdTables());
  }

  private String figures() {
    StringBuilder table = new StringBuilder();
    table.append("| Figure | ").append(floe).append(" | ").append(reference).append(" | ")
        .append(floe).append(" / ").append(reference).append(" | Target | |\n");
    table.append("|---|---:|---:|---:|---|---|\n");
    for (Figure figure : Figure.values()) {
      OptionalDouble mine = results.median(figure, floe);
      OptionalDouble theirs = results.median(figure, reference);
      table.append("| ").append(figure.label())
          .append(" | ").append(format(figure, mine))
          .append(" | ").append(format(figure, theirs))
          .append(" | ").append(ratio(mine, theirs))
          .append(" | ").append(figure.goal().text())
          .append(" | ").append(figure.goal().verdict(mine, theirs))
          .append(" |\n");
    }
    return table.toString();
  }

  private String audits() {
    StringBuilder md = new StringBuilder();
    md.append("Writes audited after every run, warm-up included (acknowledged / failed / lost / duplicated /"
        + " applied without acknowledgement). Lost or duplicated: **")
        .append(results.nothingLostOrDuplicated() ? "none" : "SOME, see below").append("**.\n\n");
    md.append("| Scenario | ").append(floe).append(" | ").append(reference).append(" |\n|---|---|---|\n");
    for (Map.Entry<String, Map<String, CommitAudit>> scenario : results.audits().entrySet()) {
      md.append("| ").append(scenario.getKey())
          .append(" | ").append(audit(scenario.getValue().get(floe)))
          .append(" | ").append(audit(scenario.getValue().get(reference)))
          .append(" |\n");
    }
    List<String> errors =
        results.audits().entrySet().stream()
            .flatMap(scenario -> scenario.getValue().entrySet().stream()
                .flatMap(byContender -> byContender.getValue().errors().stream()
                    .map(error -> byContender.getKey() + ", " + scenario.getKey() + ": `" + error + "`")))
            .toList();
    if (!errors.isEmpty()) {
      md.append("\nErrors clients saw (first few of each kind):\n\n");
      errors.forEach(error -> md.append("- ").append(error).append('\n'));
    }
    return md.toString();
  }

  private String perRound() {
    StringBuilder md = new StringBuilder("\nPer-round values:\n\n| Figure | ")
        .append(floe).append(" | ").append(reference).append(" |\n|---|---|---|\n");
    for (Figure figure : Figure.values()) {
      md.append("| ").append(figure.label())
          .append(" | ").append(rounds(figure, floe))
          .append(" | ").append(rounds(figure, reference))
          .append(" |\n");
    }
    return md.toString();
  }

  private String rounds(Figure figure, String contender) {
    List<Double> values = results.values(figure, contender);
    return values.isEmpty()
        ? "—"
        : values.stream().map(value -> String.format(Locale.ROOT, "%.2f", value)).collect(Collectors.joining(", "));
  }

  private static String audit(CommitAudit audit) {
    if (audit == null) {
      return "—";
    }
    return audit.acknowledged() + " / " + audit.failed() + " / " + audit.lost() + " / " + audit.duplicated() + " / "
        + audit.appliedWithoutAcknowledgement();
  }

  private static String format(Figure figure, OptionalDouble value) {
    return value.isPresent() ? figure.unit().format(value.getAsDouble()) : "—";
  }

  private static String ratio(OptionalDouble floe, OptionalDouble reference) {
    if (floe.isEmpty() || reference.isEmpty() || reference.getAsDouble() == 0) {
      return "—";
    }
    return String.format(Locale.ROOT, "%.2f", floe.getAsDouble() / reference.getAsDouble());
  }
}
