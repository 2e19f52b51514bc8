package dev.floe.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged {@code floe-server.jar} running as a child process on a free loopback port, with
 * its embedded store in a temporary directory and its output captured to a log file.
 *
 * <p>A separate process rather than an in-JVM server because Spark's classpath (its own Jackson,
 * Hadoop, Parquet, Netty) must not mix with the server's, and because this is how users run it.
 */
final class FloeProcess implements AutoCloseable {
  static final String ACCESS_KEY = "spark-tests";
  static final String SECRET_KEY = "spark-tests-secret-key";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

  private final Process process;
  private final URI endpoint;
  private final Path dataDir;
  private final Path log;

  private FloeProcess(Process process, URI endpoint, Path dataDir, Path log) {
    this.process = process;
    this.endpoint = endpoint;
    this.dataDir = dataDir;
    this.log = log;
  }

  /** Starts the server and returns once {@code /_floe/health} answers 200. */
  static FloeProcess start(Path serverJar, Path log) throws IOException, InterruptedException {
    if (!Files.isRegularFile(serverJar)) {
      throw new IllegalStateException(
          serverJar + " does not exist: package the server first (mvn -pl server -am package)");
    }
    Path dataDir = Files.createTempDirectory("floe-spark-tests-");
    int port = freeLoopbackPort();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
                java.toString(), "-Xmx1g", "-jar", serverJar.toString(),
                "serve", "--port", Integer.toString(port), "--address", "127.0.0.1",
                "--data-dir", dataDir.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    // A developer's own FLOE_* settings (an external store, another port) must not leak in.
    environment.keySet().removeIf(name -> name.startsWith("FLOE_"));
    environment.put("FLOE_ROOT_USER", ACCESS_KEY);
    environment.put("FLOE_ROOT_PASSWORD", SECRET_KEY);
    // Required outside development mode; the data directory lives only as long as this process.
    environment.put("FLOE_SECRET_KEY", freshSealingKey());
    Files.createDirectories(log.getParent());
    FloeProcess floe =
        new FloeProcess(builder.start(), URI.create("http://127.0.0.1:" + port), dataDir, log);
    try {
      floe.awaitHealthy();
    } catch (RuntimeException | InterruptedException e) {
      floe.close();
      throw e;
    }
    return floe;
  }

  URI endpoint() {
    return endpoint;
  }

  Path log() {
    return log;
  }

  /** The last lines the server wrote, to explain a failure that happened on its side. */
  String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  private void awaitHealthy() throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health =
        HttpRequest.newBuilder(endpoint.resolve("/_floe/health")).timeout(Duration.ofSeconds(5)).build();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "floe-server exited with status " + process.exitValue() + " before it was healthy:\n"
                + logTail(60));
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (ConnectException e) {
        // not listening yet
      } catch (IOException e) {
        throw new UncheckedIOException("health check of " + endpoint + " failed", e);
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "floe-server did not answer /_floe/health within " + START_TIMEOUT + ":\n" + logTail(60));
  }

  private static String freshSealingKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
