package dev.floe.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Issue 4's catalog figure: loadTable throughput with policies on (a user with ten attached
 * policies, among 1,000 in the system) against root (no policy evaluation), on the same Floe in
 * the same run. Rounds alternate which principal goes first; each figure is the median of the
 * rounds. Target: the user's throughput within 10 % of root's.
 */
public final class PolicyOverheadBenchmark {
  private static final String ROOT_USER = "bench-root";
  private static final String USER = "analyst";
  private static final String WAREHOUSE = "governed";
  private static final int POLICIES = 1000;
  private static final int ATTACHED = 10;
  private static final int THREADS = Integer.getInteger("bench.policy.threads", 4);
  private static final int CALLS_PER_THREAD = Integer.getInteger("bench.policy.calls", 250);
  private static final int ROUNDS = Integer.getInteger("bench.policy.rounds", 5);
  private static final String TABLE_PATH = "/_iceberg/v1/" + WAREHOUSE + "/namespaces/sales/tables/orders";

  private PolicyOverheadBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path results = Path.of(System.getProperty("bench.results", "BENCHMARKS.md"));
    Path logs = Path.of(System.getProperty("bench.logs", "benchmarks/target/policy-bench"));
    MachineDescription machine = MachineDescription.probe();
    Path workDir = Files.createTempDirectory("floe-policy-bench");
    String rootPassword = RandomKeys.hex(20);
    URI endpoint = URI.create("http://127.0.0.1:" + ServerProcess.freeLoopbackPort());
    Map<String, List<Double>> throughput = new HashMap<>(Map.of(ROOT_USER, new ArrayList<>(), USER, new ArrayList<>()));
    String loadAtEnd;
    try (SharedStore store = SharedStore.start(workDir.resolve("store"));
        ServerProcess floe = FloeServerMain.launchFronting(store, endpoint, ROOT_USER, rootPassword, workDir, logs.resolve("floe.log"))) {
      Admin root = new Admin(endpoint, new SigV4Requests(ROOT_USER, rootPassword, "s3tables", SharedStore.REGION));
      createFixtures(root);
      Map<String, SigV4Requests> principals =
          Map.of(
              ROOT_USER, new SigV4Requests(ROOT_USER, rootPassword, "s3tables", SharedStore.REGION),
              USER, new SigV4Requests(USER, USER + "-secret-key", "s3tables", SharedStore.REGION));
      measureRound(endpoint, principals, List.of(ROOT_USER, USER), null);
      for (int round = 0; round < ROUNDS; round++) {
        List<String> order = round % 2 == 0 ? List.of(USER, ROOT_USER) : List.of(ROOT_USER, USER);
        measureRound(endpoint, principals, order, throughput);
      }
      loadAtEnd = MachineDescription.loadAverage();
    } finally {
      WorkDirectories.delete(workDir);
    }
    LocalDate today = LocalDate.now();
    String section = report(today, machine, loadAtEnd, throughput);
    System.out.println(section);
    BenchmarksFile.refresh(results, "policy-overhead-benchmark " + today, section);
    System.out.println("Refreshed the " + today + " policy overhead section of " + results.toAbsolutePath());
  }

  /** A table, 1,000 policies, and a user with ten of them attached; one grants reading the warehouse. */
  private static void createFixtures(Admin root) throws Exception {
    root.post("/_iceberg/v1/warehouses", "{\"name\":\"" + WAREHOUSE + "\"}");
    root.post("/_iceberg/v1/" + WAREHOUSE + "/namespaces", "{\"namespace\":[\"sales\"]}");
    root.post(
        "/_iceberg/v1/" + WAREHOUSE + "/namespaces/sales/tables",
        "{\"name\":\"orders\",\"schema\":{\"type\":\"struct\",\"schema-id\":0,\"fields\":["
            + "{\"id\":1,\"name\":\"id\",\"type\":\"long\",\"required\":true},"
            + "{\"id\":2,\"name\":\"customer\",\"type\":\"string\",\"required\":false}]}}");
    root.post("/_floe/v1/admin/users", "{\"access-key\":\"" + USER + "\",\"secret-key\":\"" + USER + "-secret-key\"}");
    for (int i = 0; i < POLICIES; i++) {
      String document = i == 0 ? readWarehousePolicy() : decoyPolicy(i);
      root.post("/_floe/v1/admin/policies", "{\"name\":\"p" + i + "\",\"document\":" + quoted(document) + "}");
      if (i < ATTACHED) {
        root.post("/_floe/v1/admin/policies/p" + i + "/attach", "{\"user\":\"" + USER + "\"}");
      }
    }
  }

  private static String readWarehousePolicy() {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3tables:Get*\","
        + "\"s3tables:List*\"],\"Resource\":[\"arn:aws:s3tables:::bucket/" + WAREHOUSE + "\","
        + "\"arn:aws:s3tables:::bucket/" + WAREHOUSE + "/table/*\"]}]}";
  }

  /** Policies shaped like real ones (wildcards, variables, conditions, a Deny) that touch other resources. */
  private static String decoyPolicy(int i) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":["
        + "{\"Effect\":\"Allow\",\"Action\":[\"s3tables:Get*\",\"s3tables:Update*\"],"
        + "\"Resource\":[\"arn:aws:s3tables:::bucket/team-" + i + "\",\"arn:aws:s3tables:::bucket/team-" + i + "/table/*\"],"
        + "\"Condition\":{\"StringLike\":{\"s3tables:namespace\":\"${aws:username}-*\"},"
        + "\"IpAddressIfExists\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}},"
        + "{\"Effect\":\"Deny\",\"Action\":\"s3tables:Delete*\",\"Resource\":\"arn:aws:s3tables:::bucket/" + WAREHOUSE + "/table/*\","
        + "\"Condition\":{\"DateLessThan\":{\"aws:CurrentTime\":\"2020-01-01T00:00:00Z\"}}}]}";
  }

  private static void measureRound(
      URI endpoint, Map<String, SigV4Requests> principals, List<String> order, Map<String, List<Double>> into)
      throws Exception {
    for (String principal : order) {
      double perSecond = loadTables(endpoint, principals.get(principal));
      if (into != null) {
        into.get(principal).add(perSecond);
      }
    }
  }

  /** loadTable calls per second from {@link #THREADS} clients, each making its calls one after another. */
  private static double loadTables(URI endpoint, SigV4Requests signer) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    ExecutorService clients = Executors.newFixedThreadPool(THREADS);
    try {
      long start = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        done.add(clients.submit(() -> {
          for (int i = 0; i < CALLS_PER_THREAD; i++) {
            HttpResponse<String> response =
                http.send(signer.get(endpoint.resolve(TABLE_PATH), Map.of()), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
              throw new IllegalStateException("loadTable answered " + response.statusCode() + ": " + response.body());
            }
          }
          return null;
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
      return THREADS * CALLS_PER_THREAD / ((System.nanoTime() - start) / 1e9);
    } finally {
      clients.shutdown();
    }
  }

  private static String report(
      LocalDate today, MachineDescription machine, String loadAtEnd, Map<String, List<Double>> throughput) {
    double root = Median.of(throughput.get(ROOT_USER)).orElseThrow();
    double user = Median.of(throughput.get(USER)).orElseThrow();
    double ratio = user / root;
    StringBuilder out = new StringBuilder();
    out.append("## Catalog loadTable with policies on vs root, ").append(today).append("\n\n");
    out.append(machine.markdown(loadAtEnd)).append("\n\n");
    out.append("Run with `benchmarks/run-policy-overhead.sh`: Floe in its own JVM fronting S3Proxy (as in the catalog")
        .append(" benchmark); ").append(POLICIES).append(" policies in the system, ").append(ATTACHED)
        .append(" attached to the user `").append(USER).append("` (one grants `s3tables:Get*`/`List*` on the warehouse,")
        .append(" nine are decoys with wildcards, a policy variable, `IpAddressIfExists` and a `Deny` with `DateLessThan`).")
        .append(" Each round: ").append(THREADS).append(" clients × ").append(CALLS_PER_THREAD)
        .append(" raw SigV4-signed `GET …/tables/orders` per principal, principals back to back, alternating which")
        .append(" goes first; one unreported warm-up round, then ").append(ROUNDS)
        .append(" measured rounds. Figures are medians of the rounds.\n\n");
    out.append("| Figure | root (no policies) | user (policies) | user / root | Target | |\n");
    out.append("|---|---:|---:|---:|---|---|\n");
    out.append(String.format("| loadTable/s, %d clients | %.0f /s | %.0f /s | %.2f | ≥ 0.90 (within 10 %%) | %s |%n",
        THREADS, root, user, ratio, ratio >= 0.90 ? "met" : "missed"));
    out.append("\nPer-round values (calls/s): root ").append(format(throughput.get(ROOT_USER)))
        .append("; user ").append(format(throughput.get(USER))).append(".\n");
    return out.toString();
  }

  private static String format(List<Double> values) {
    return String.join(", ", values.stream().map(v -> String.format("%.0f", v)).toList());
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }


  /** Signed POSTs of fixtures, failing on anything but a 2xx. */
  private record Admin(URI endpoint, SigV4Requests signer) {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    void post(String path, String json) throws Exception {
      HttpResponse<String> response =
          HTTP.send(signer.postJson(endpoint.resolve(path), json), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
      }
    }
  }
}
