package dev.floe.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A catalog server in a JVM of its own. Both contenders run this way, with the same JVM options,
 * so neither shares a heap, a JIT or a garbage collector with the load-generating client, and the
 * reference server's classpath can never disturb Floe's.
 */
final class ServerProcess implements AutoCloseable {
  private static final List<String> JVM_OPTIONS =
      List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final String name;
  private final Process process;
  private final Path log;
  private final Thread killOnExit;

  private ServerProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.killOnExit = new Thread(process::destroyForcibly, name + "-kill-on-exit");
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /** Starts {@code mainClass} on this JVM's classpath and waits until {@code probe} answers. */
  static ServerProcess launch(
      String name, Class<?> mainClass, List<String> args, Map<String, String> environment, Path log, URI probe)
      throws IOException, InterruptedException {
    return launch(name, mainClass, JVM_OPTIONS, args, environment, log, probe);
  }

  /** As above, with JVM options of the caller's choosing: a benchmark that watches a heap sizes it. */
  static ServerProcess launch(
      String name, Class<?> mainClass, List<String> jvmOptions, List<String> args, Map<String, String> environment,
      Path log, URI probe)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(args);
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    ServerProcess server = new ServerProcess(name, builder.start(), log);
    try {
      server.awaitAnswer(probe);
    } catch (IOException | InterruptedException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** The running JVM, for reading its CPU time or attaching to it. */
  ProcessHandle handle() {
    return process.toHandle();
  }

  Path log() {
    return log;
  }

  private void awaitAnswer(URI probe) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with status " + process.exitValue() + " while starting; see " + log);
      }
      try {
        http.send(HttpRequest.newBuilder(probe).GET().build(), HttpResponse.BodyHandlers.discarding());
        return;
      } catch (IOException notListeningYet) {
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException(name + " did not answer on " + probe + " within " + START_TIMEOUT + "; see " + log);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: nothing left to undo
    }
  }
}
