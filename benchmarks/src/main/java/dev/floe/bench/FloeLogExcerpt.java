package dev.floe.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What Floe's own output says about a run: how many requests its access log shows per status (in
 * order of status), and its last notable lines (warnings, errors, stack traces, refused or failed
 * requests), so that a report can quote the server's side of any failure.
 */
record FloeLogExcerpt(Map<Integer, Long> statusCounts, List<String> notableLines) {
  static final int NOTABLE_LINES_KEPT = 20;
  private static final Pattern ACCESS_STATUS = Pattern.compile(" access - .* status=(\\d{3}) ");

  FloeLogExcerpt {
    statusCounts = Collections.unmodifiableSortedMap(new TreeMap<>(statusCounts));
    notableLines = List.copyOf(notableLines);
  }

  static FloeLogExcerpt of(Stream<String> lines) {
    Map<Integer, Long> counts = new TreeMap<>();
    ArrayDeque<String> notable = new ArrayDeque<>();
    lines.forEach(line -> {
      Matcher access = ACCESS_STATUS.matcher(line);
      boolean isAccess = access.find();
      int status = isAccess ? Integer.parseInt(access.group(1)) : 0;
      if (isAccess) {
        counts.merge(status, 1L, Long::sum);
      }
      if (isAccess ? status >= 400 : !line.contains(" INFO ")) {
        notable.addLast(line);
        if (notable.size() > NOTABLE_LINES_KEPT) {
          notable.removeFirst();
        }
      }
    });
    return new FloeLogExcerpt(counts, List.copyOf(notable));
  }

  static FloeLogExcerpt read(Path log) {
    if (!Files.exists(log)) {
      return new FloeLogExcerpt(Map.of(), List.of());
    }
    try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
      return of(lines);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read Floe's log " + log, e);
    }
  }
}
