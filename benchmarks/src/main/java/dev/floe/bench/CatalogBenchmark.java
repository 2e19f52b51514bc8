package dev.floe.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Floe against Iceberg's reference REST server, in one run on one shared S3 store: loadTable
 * latency (with and without the client's ETag cache, and a bare 304 revalidation), commits per
 * second with 1 and 8 writers, createTable per second, and an audit of every write. Prints the
 * figures and refreshes today's section of BENCHMARKS.md. Exits with status 2 if any
 * acknowledged write was lost or duplicated. Started by {@code benchmarks/run-catalog.sh}.
 */
public final class CatalogBenchmark {
  private CatalogBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchmarkOptions options = BenchmarkOptions.fromSystemProperties();
    MachineDescription machine = MachineDescription.probe();
    Path workDir = Files.createTempDirectory("floe-catalog-bench");
    Results results;
    String loadAtEnd;
    String floeName;
    String referenceName;
    try (SharedStore store = SharedStore.start(workDir.resolve("store"));
        FloeContender floe = FloeContender.start(store, workDir, options.logDir());
        ReferenceContender reference = ReferenceContender.start(store, workDir, options.logDir())) {
      floeName = floe.name();
      referenceName = reference.name();
      results = new CatalogRounds(options, List.of(floe, reference), System.out).run();
      loadAtEnd = MachineDescription.loadAverage();
    } finally {
      WorkDirectories.delete(workDir);
    }
    LocalDate today = LocalDate.now();
    String section =
        new CatalogReport(results, machine, options, today, loadAtEnd, floeName, referenceName).markdown();
    System.out.println();
    System.out.println(section);
    BenchmarksFile.refresh(options.resultsFile(), "catalog-benchmark " + today, section);
    System.out.println("Refreshed the " + today + " catalog section of " + options.resultsFile().toAbsolutePath());
    if (!results.nothingLostOrDuplicated()) {
      System.err.println("Acknowledged writes were lost or duplicated: see the audit above");
      System.exit(2);
    }
  }

}
