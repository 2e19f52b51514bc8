package dev.floe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs {@code floe} in-process, as a user would type it, with stdout and stderr captured and
 * aliases kept in a private config directory.
 */
final class Floe {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path configDir;

  Floe(Path configDir) {
    this.configDir = configDir;
  }

  Result run(String... args) {
    List<String> line = new ArrayList<>(List.of(args));
    if (!line.isEmpty() && List.of("alias", "table", "admin").contains(line.get(0))) {
      line.add("--config-dir");
      line.add(configDir.toString());
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine floe = FloeCli.commandLine();
    floe.setOut(new PrintWriter(out, true));
    floe.setErr(new PrintWriter(err, true));
    int exitCode = floe.execute(line.toArray(String[]::new));
    return new Result(exitCode, out.toString(), err.toString());
  }

  record Result(int exitCode, String out, String err) {
    JsonNode json() {
      try {
        return JSON.readTree(out);
      } catch (IOException e) {
        throw new UncheckedIOException("stdout is not JSON:\n" + out, e);
      }
    }

    List<String> errLines() {
      return err.lines().toList();
    }
  }
}
