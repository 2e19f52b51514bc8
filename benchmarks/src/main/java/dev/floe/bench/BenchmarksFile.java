package dev.floe.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * BENCHMARKS.md, where each benchmark keeps one section per day between marker comments: a run
 * replaces that day's section of its own benchmark and leaves everything else as it was.
 */
final class BenchmarksFile {
  static final String HEADER =
      "# Benchmarks\n\n"
          + "Figures measured on this project's machines by the scripts in `benchmarks/`, each run comparing\n"
          + "Floe with a peer in the same run (DESIGN.md, section 9). Sections are dated; a script rerun on the\n"
          + "same day replaces its own section.\n";

  private BenchmarksFile() {}

  static void refresh(Path file, String key, String section) throws IOException {
    String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    Files.writeString(file, refreshed(existing, key, section), StandardCharsets.UTF_8);
  }

  /**
   * @param existing the file's text, or null when there is no file yet
   * @param key names the section: a benchmark and a date
   */
  static String refreshed(String existing, String key, String section) {
    String begin = "<!-- BEGIN " + key + " -->";
    String end = "<!-- END " + key + " -->";
    String block = begin + "\n" + section.strip() + "\n" + end + "\n";
    String text = existing == null ? HEADER : existing;
    int from = text.indexOf(begin);
    int to = from < 0 ? -1 : text.indexOf(end, from);
    if (from >= 0 && to >= 0) {
      int after = to + end.length();
      if (after < text.length() && text.charAt(after) == '\n') {
        after++;
      }
      return text.substring(0, from) + block + text.substring(after);
    }
    String separator = text.endsWith("\n\n") ? "" : text.endsWith("\n") ? "\n" : "\n\n";
    return text + separator + block;
  }
}
