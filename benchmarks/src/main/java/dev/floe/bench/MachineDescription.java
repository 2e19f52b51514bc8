package dev.floe.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The machine a run happened on, as `nproc`, `free -g` and the JVM describe it, and how busy it
 * was when the run started (a shared machine's load moves every figure).
 */
record MachineDescription(
    String processors, String cpuModel, String memory, String java, String os, String loadAtStart) {

  /** The paragraph every benchmark section opens with: the machine, and its load around the run. */
  String markdown(String loadAtEnd) {
    return "Machine: `nproc` = " + processors + " (" + cpuModel + "), " + os + ", " + java
        + ". `free -g`:\n\n"
        + "```\n" + memory + "\n```\n\n"
        + "Load average (1 / 5 / 15 min) at the start: " + loadAtStart + "; at the end: " + loadAtEnd
        + ". The machine is shared with other builds, so figures move with its load.\n\n";
  }

  static MachineDescription probe() {
    return new MachineDescription(
        command(List.of("nproc")).orElse(String.valueOf(Runtime.getRuntime().availableProcessors())),
        readCpuModel(),
        command(List.of("free", "-g")).orElse("(free not available)"),
        System.getProperty("java.runtime.name") + " " + System.getProperty("java.runtime.version")
            + " (" + System.getProperty("java.vm.vendor") + ")",
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        loadAverage());
  }

  /** The 1, 5 and 15 minute load averages, from /proc/loadavg. */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " / " + fields[1] + " / " + fields[2];
    } catch (IOException | ArrayIndexOutOfBoundsException e) {
      return "unknown";
    }
  }

  private static String readCpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static Optional<String> command(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
      return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0
          ? Optional.of(output)
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
