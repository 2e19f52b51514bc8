package dev.floe.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Floe's S3 endpoint against the store behind it, in one run with one client configuration:
 * S3Proxy (filesystem backend) in one JVM, Floe in another fronting it as an external store with a
 * small heap, and this JVM driving the AWS SDK v2 at either. Measures PUT and GET throughput for
 * 1 MiB and 64 MiB objects, 4 KiB PUT+GET operations per second from concurrent clients, Floe's
 * heap during one large upload, and the CPU each process spends per GiB. Prints the figures and
 * refreshes today's S3 section of BENCHMARKS.md. Started by {@code benchmarks/run-s3.sh}.
 */
public final class S3ProxyBenchmark {
  private static final String ROOT_USER = "bench-root";
  private static final String LARGE_UPLOAD_KEY = "via-floe/large-upload";

  private S3ProxyBenchmark() {}

  public static void main(String[] args) throws Exception {
    S3BenchmarkOptions options = S3BenchmarkOptions.fromSystemProperties();
    MachineDescription machine = MachineDescription.probe();
    Path workDir = Files.createTempDirectory("floe-s3-bench");
    S3Results results;
    String loadAtEnd;
    Path floeLog = options.logDir().resolve("floe.log");
    try {
      String storeKey = "bench-" + RandomKeys.hex(6);
      String storeSecret = RandomKeys.hex(20);
      Map<String, String> storeKeys =
          Map.of(SharedStore.ACCESS_KEY_VARIABLE, storeKey, SharedStore.SECRET_KEY_VARIABLE, storeSecret);
      URI storeEndpoint = URI.create("http://127.0.0.1:" + ServerProcess.freeLoopbackPort());
      String rootPassword = RandomKeys.hex(20);
      Map<String, String> floeEnvironment = new HashMap<>(storeKeys);
      floeEnvironment.put(FloeServerMain.ROOT_USER, ROOT_USER);
      floeEnvironment.put(FloeServerMain.ROOT_PASSWORD, rootPassword);
      URI floeEndpoint = URI.create("http://127.0.0.1:" + ServerProcess.freeLoopbackPort());
      S3Target directTarget = new S3Target(S3Rounds.STORE_DIRECT, storeEndpoint, storeKey, storeSecret);
      S3Target floeTarget = new S3Target(S3Rounds.FLOE_PROCESS, floeEndpoint, ROOT_USER, rootPassword);
      try (ServerProcess store =
              ServerProcess.launch(
                  "S3Proxy", StoreServerMain.class,
                  List.of(String.valueOf(storeEndpoint.getPort()), workDir.resolve("store").toString()),
                  storeKeys, options.logDir().resolve("s3proxy.log"), storeEndpoint);
          ServerProcess floe =
              ServerProcess.launch(
                  "Floe", FloeServerMain.class, floeJvmOptions(options),
                  List.of(String.valueOf(floeEndpoint.getPort()), storeEndpoint.toString(),
                      workDir.resolve("floe-data").toString()),
                  floeEnvironment, floeLog, floeEndpoint.resolve("/_floe/health"));
          S3Client direct = directTarget.newClient();
          S3Client viaFloe = floeTarget.newClient()) {
        direct.createBucket(request -> request.bucket(S3Rounds.BUCKET));
        List<S3Rounds.Contender> contenders =
            List.of(
                new S3Rounds.Contender(directTarget, direct, false),
                new S3Rounds.Contender(floeTarget, viaFloe, true));
        results = new S3Rounds(options, contenders, floe.handle(), store.handle(), System.out).run();
        largeUpload(options, results, viaFloe, direct, floe, store);
        if (!floe.handle().isAlive()) {
          results.failure(S3Rounds.FLOE_PROCESS, "the whole run", "end", new IllegalStateException(
              "the Floe process had exited by the end of the run; see " + floeLog));
        }
        loadAtEnd = MachineDescription.loadAverage();
      }
    } finally {
      WorkDirectories.delete(workDir);
    }
    LocalDate today = LocalDate.now();
    String section =
        new S3Report(results, machine, options, today, loadAtEnd, FloeLogExcerpt.read(floeLog)).markdown();
    System.out.println();
    System.out.println(section);
    BenchmarksFile.refresh(options.resultsFile(), "s3-proxy-benchmark " + today, section);
    System.out.println("Refreshed the " + today + " S3 proxy section of " + options.resultsFile().toAbsolutePath());
  }

  private static List<String> floeJvmOptions(S3BenchmarkOptions options) {
    return List.of(
        "-Xms" + options.floeHeap(), "-Xmx" + options.floeHeap(), "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError");
  }

  private static void largeUpload(
      S3BenchmarkOptions options, S3Results results, S3Client viaFloe, S3Client direct, ServerProcess floe,
      ServerProcess store) {
    String name = (options.uploadBytes() >> 20) + " MiB upload";
    System.out.println("after    Floe            " + name + ", sampling Floe's heap");
    try {
      UploadRun run =
          LargeUpload.run(viaFloe, S3Rounds.BUCKET, LARGE_UPLOAD_KEY, options.uploadBytes(), floe.handle(),
              store.handle());
      System.out.printf("           %.1f MiB/s, heap used %d–%d MiB%n", run.mebibytesPerSecond(),
          run.heap().minUsedBytes() >> 20, run.heap().maxUsedBytes() >> 20);
      results.upload(run);
    } catch (Exception e) {
      results.failure(S3Rounds.FLOE_PROCESS, name, "after the rounds", e);
      System.out.println("           FAILED: " + BenchTables.describe(e));
    } finally {
      try {
        direct.deleteObject(request -> request.bucket(S3Rounds.BUCKET).key(LARGE_UPLOAD_KEY));
      } catch (RuntimeException e) {
        System.out.println("           could not delete the upload: " + BenchTables.describe(e));
      }
    }
  }

}
