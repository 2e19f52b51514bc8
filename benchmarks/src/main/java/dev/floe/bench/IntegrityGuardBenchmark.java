package dev.floe.bench;

import dev.floe.catalog.integrity.CommitValidator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.aws.s3.S3FileIO;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.iceberg.types.Types;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What table integrity costs, in one run against one Floe fronting a shared S3Proxy store.
 *
 * <p>The guard: PUT and GET latency of a small object under a table's location in a warehouse
 * bucket (location lookup, rules, create-only {@code If-None-Match: *}) against the same requests
 * through the same Floe to an ordinary bucket (no rule applies) and straight to the store,
 * interleaved request by request so that a loaded machine weighs on all three alike.
 *
 * <p>The commit invariants: the time of an append committing 1,000 data files against one
 * committing a single file, and {@link CommitValidator}'s own time on each committed snapshot,
 * called in this process against the store directly as the server calls it.
 *
 * <p>Prints the figures and refreshes today's section of BENCHMARKS.md. Started by
 * {@code benchmarks/run-integrity.sh}.
 */
public final class IntegrityGuardBenchmark {
  private static final String ROOT_USER = "bench-root";
  private static final String WAREHOUSE = "guarded";
  private static final String PLAIN_BUCKET = "plain";
  private static final String DIRECT_BUCKET = "direct";
  private static final List<String> SERIES = List.of("guarded", "plain", "direct");
  private static final int OBJECT_BYTES = 4 * 1024;
  private static final int WARM_UP_REQUESTS = 200;
  private static final int MEASURED_REQUESTS = 1000;
  private static final int MANY_FILES = 1000;
  private static final int COMMITS_PER_SIZE = 5;
  private static final int VALIDATIONS_PER_COMMIT = 3;
  private static final Schema SCHEMA =
      new Schema(
          Types.NestedField.required(1, "id", Types.LongType.get()),
          Types.NestedField.optional(2, "name", Types.StringType.get()));

  private IntegrityGuardBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path results = Path.of(System.getProperty("bench.results", "BENCHMARKS.md"));
    Path logs = Path.of(System.getProperty("bench.logs", "benchmarks/target/integrity-bench"));
    MachineDescription machine = MachineDescription.probe();
    Path workDir = Files.createTempDirectory("floe-integrity-bench");
    String rootPassword = RandomKeys.hex(20);
    int port = ServerProcess.freeLoopbackPort();
    URI endpoint = URI.create("http://127.0.0.1:" + port);
    Map<String, LatencySample> s3Latency;
    Map<String, LatencySample> commits;
    String loadAtEnd;
    try (SharedStore store = SharedStore.start(workDir.resolve("store"));
        ServerProcess floe = FloeServerMain.launchFronting(store, endpoint, ROOT_USER, rootPassword, workDir, logs.resolve("floe.log"))) {
      createWarehouse(endpoint, rootPassword);
      try (S3Client s3 = new S3Target("Floe", endpoint, ROOT_USER, rootPassword).newClient();
          S3Client direct =
              new S3Target("S3Proxy", store.endpoint(), store.accessKey(), store.secretKey()).newClient();
          RESTCatalog catalog = connect(endpoint, rootPassword);
          FileIO storeIo = storeFileIo(store)) {
        catalog.createNamespace(Namespace.of("bench"));
        Table table = catalog.createTable(TableIdentifier.of("bench", "guarded_objects"), SCHEMA);
        s3.createBucket(request -> request.bucket(PLAIN_BUCKET));
        store.createBucket(DIRECT_BUCKET);
        String tablePrefix = table.location().substring(("s3://" + WAREHOUSE + "/").length()) + "/data/";
        s3Latency = smallObjectLatency(s3, direct, tablePrefix);
        commits = commitCosts(catalog.createTable(TableIdentifier.of("bench", "appends"), SCHEMA), storeIo);
        loadAtEnd = MachineDescription.loadAverage();
      }
    } finally {
      WorkDirectories.delete(workDir);
    }
    LocalDate today = LocalDate.now();
    String section = report(today, machine, loadAtEnd, s3Latency, commits);
    System.out.println(section);
    BenchmarksFile.refresh(results, "integrity-guard-benchmark " + today, section);
    System.out.println("Refreshed the " + today + " integrity section of " + results.toAbsolutePath());
  }

  private static void createWarehouse(URI endpoint, String rootPassword) throws Exception {
    SigV4Requests signer = new SigV4Requests(ROOT_USER, rootPassword, "s3tables", SharedStore.REGION);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(signer.postJson(endpoint.resolve("/_iceberg/v1/warehouses"), "{\"name\":\"" + WAREHOUSE + "\"}"),
                HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Floe refused warehouse " + WAREHOUSE + ": " + response.body());
    }
  }

  private static RESTCatalog connect(URI endpoint, String rootPassword) {
    Map<String, String> properties =
        ClientProperties.forFloe(endpoint, WAREHOUSE, ROOT_USER, rootPassword, false);
    RESTCatalog catalog = new RESTCatalog();
    catalog.initialize("floe", properties);
    return catalog;
  }

  /** The file IO the server's validator uses: straight to the backing store. */
  private static FileIO storeFileIo(SharedStore store) {
    S3FileIO io = new S3FileIO();
    io.initialize(ClientProperties.forCatalog(
        store.endpoint(), store.endpoint(), store.accessKey(), store.secretKey(), false));
    return io;
  }

  private static Map<String, LatencySample> smallObjectLatency(S3Client floe, S3Client direct, String tablePrefix) {
    byte[] body = new byte[OBJECT_BYTES];
    new Random(7).nextBytes(body);
    Map<String, LatencySample> samples = new HashMap<>();
    for (String series : SERIES) {
      samples.put("put " + series, new LatencySample(MEASURED_REQUESTS));
      samples.put("get " + series, new LatencySample(MEASURED_REQUESTS));
    }
    int total = WARM_UP_REQUESTS + MEASURED_REQUESTS;
    for (int i = 0; i < total; i++) {
      // Rotating which series goes first keeps connection reuse and GC pauses from favouring one.
      for (int turn = 0; turn < SERIES.size(); turn++) {
        String series = SERIES.get((i + turn) % SERIES.size());
        S3Client client = series.equals("direct") ? direct : floe;
        String bucket = switch (series) {
          case "guarded" -> WAREHOUSE;
          case "plain" -> PLAIN_BUCKET;
          default -> DIRECT_BUCKET;
        };
        String key = (series.equals("guarded") ? tablePrefix : "") + "guard-bench-" + i;
        long start = System.nanoTime();
        client.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromBytes(body));
        long put = System.nanoTime() - start;
        start = System.nanoTime();
        client.getObjectAsBytes(request -> request.bucket(bucket).key(key));
        long get = System.nanoTime() - start;
        if (i >= WARM_UP_REQUESTS) {
          samples.get("put " + series).record(put);
          samples.get("get " + series).record(get);
        }
      }
    }
    return samples;
  }

  /**
   * Alternates 1-file and 1,000-file appends on one table; after each, validates the committed
   * snapshot again in this process against the metadata it was committed on.
   */
  private static Map<String, LatencySample> commitCosts(Table table, FileIO storeIo) {
    Map<String, LatencySample> samples = new HashMap<>();
    for (String series : List.of("commit 1", "commit many", "validate 1", "validate many")) {
      samples.put(series, new LatencySample(COMMITS_PER_SIZE * VALIDATIONS_PER_COMMIT));
    }
    CommitValidator validator = new CommitValidator(() -> storeIo);
    int fileNumber = 0;
    for (int round = 0; round < COMMITS_PER_SIZE + 1; round++) {
      int[] order = round % 2 == 0 ? new int[] {1, MANY_FILES} : new int[] {MANY_FILES, 1};
      for (int files : order) {
        String size = files == 1 ? "1" : "many";
        TableMetadata base = ((HasTableOperations) table).operations().refresh();
        AppendFiles append = table.newAppend();
        for (int f = 0; f < files; f++) {
          append.appendFile(
              DataFiles.builder(table.spec())
                  .withPath(table.location() + "/data/bench-" + fileNumber++ + ".parquet")
                  .withFileSizeInBytes(4096)
                  .withRecordCount(100)
                  .build());
        }
        long start = System.nanoTime();
        append.commit();
        long commit = System.nanoTime() - start;
        // the first round warms both sides up
        if (round == 0) {
          continue;
        }
        samples.get("commit " + size).record(commit);
        Snapshot committed = table.currentSnapshot();
        TableMetadata proposed =
            TableMetadata.buildFrom(base)
                .addSnapshot(committed)
                .setBranchSnapshot(committed.snapshotId(), SnapshotRef.MAIN_BRANCH)
                .build();
        for (int v = 0; v < VALIDATIONS_PER_COMMIT; v++) {
          start = System.nanoTime();
          validator.validate(proposed);
          samples.get("validate " + size).record(System.nanoTime() - start);
        }
      }
    }
    return samples;
  }


  private static String report(
      LocalDate today, MachineDescription machine, String loadAtEnd, Map<String, LatencySample> s3,
      Map<String, LatencySample> commits) {
    StringBuilder out = new StringBuilder();
    out.append("## Table integrity: guard latency and commit validation (").append(today).append(")\n\n");
    out.append(String.format(Locale.ROOT,
        "Machine: %s × %s, %s. Load average (1/5/15 min) %s at start, %s at end: other engineers' builds"
            + " and benchmarks ran at the same time, so absolute figures are inflated; the comparisons"
            + " are within one run, interleaved request by request.%n%n",
        machine.processors(), machine.cpuModel(), machine.java(), machine.loadAtStart(), loadAtEnd));
    out.append(String.format(Locale.ROOT,
        "**Guard latency.** AWS SDK v2 (one client per endpoint, sequential), %d B objects, a new key"
            + " per PUT then a GET of it, %d measured pairs per series after %d warm-up, the three"
            + " series interleaved. *Warehouse*: under a table's location in a warehouse bucket through"
            + " Floe (table-location lookup, the rules, the PUT forwarded with `If-None-Match: *`)."
            + " *Ordinary*: an ordinary bucket through the same Floe, where the guard only decides"
            + " that the bucket is not a warehouse. *Direct*: S3Proxy itself, no Floe."
            + "%n%n",
        OBJECT_BYTES, MEASURED_REQUESTS, WARM_UP_REQUESTS));
    out.append("| request | warehouse p50 | ordinary p50 | direct p50 | warehouse p99 | ordinary p99 | direct p99 |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (String op : List.of("put", "get")) {
      out.append("| ").append(op.toUpperCase(Locale.ROOT));
      for (double percentile : new double[] {50, 99}) {
        for (String series : SERIES) {
          out.append(String.format(Locale.ROOT, " | %.2f ms", s3.get(op + " " + series).percentileMillis(percentile)));
        }
      }
      out.append(" |\n");
    }
    out.append(String.format(Locale.ROOT,
        "%n**Commit validation.** Appends through Iceberg's `RESTCatalog` (manifest and manifest list"
            + " written through Floe's S3 API, then the REST commit, which runs the validator), %d"
            + " commits of each size after one warm-up each. The validator's own time is"
            + " `CommitValidator.validate` called in the benchmark's JVM on each committed snapshot,"
            + " reading the backing store directly as the server does (%d calls per commit).%n%n",
        COMMITS_PER_SIZE, VALIDATIONS_PER_COMMIT));
    out.append("| append | commit p50 | commit max | validator p50 | validator max |\n");
    out.append("|---|---:|---:|---:|---:|\n");
    for (String size : List.of("1", "many")) {
      LatencySample commit = commits.get("commit " + size);
      LatencySample validate = commits.get("validate " + size);
      out.append(String.format(Locale.ROOT, "| %s data file%s | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n",
          size.equals("1") ? "1" : String.format(Locale.ROOT, "%,d", MANY_FILES), size.equals("1") ? "" : "s",
          commit.percentileMillis(50), commit.percentileMillis(100),
          validate.percentileMillis(50), validate.percentileMillis(100)));
    }
    return out.toString();
  }
}
