package dev.floe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FloeLogExcerptTest {
  private static final String OK =
      "2026-11-22T06:39:28.288Z INFO  access - PUT /s3-bench/a principal=bench-root status=200 in=1 out=0 ms=3";
  private static final String FAILED =
      "2026-11-22T06:39:29.001Z INFO  access - GET /s3-bench/b principal=bench-root status=503 in=0 out=210 ms=9";
  private static final String WARNING = "2026-11-22T06:39:30.000Z WARN  Backend - backend reset the connection";

  @Test
  void countsAccessLogLinesByStatus() {
    FloeLogExcerpt excerpt = FloeLogExcerpt.of(Stream.of(OK, OK, FAILED, WARNING));

    assertThat(excerpt.statusCounts()).isEqualTo(Map.of(200, 2L, 503, 1L));
  }

  @Test
  void keepsFailedRequestsWarningsAndStackTracesButNotRoutineLines() {
    String trace = "\tat dev.floe.s3.Backend.forward(Backend.java:42)";
    String started = "2026-11-22T06:39:28.120Z INFO  FloeServer - Floe is serving on http://127.0.0.1:43553";

    FloeLogExcerpt excerpt = FloeLogExcerpt.of(Stream.of(started, OK, FAILED, WARNING, trace));

    assertThat(excerpt.notableLines()).containsExactly(FAILED, WARNING, trace);
  }

  @Test
  void keepsOnlyTheLastNotableLines() {
    FloeLogExcerpt excerpt =
        FloeLogExcerpt.of(IntStream.range(0, 100).mapToObj(i -> "2026-11-22 ERROR  line " + i));

    assertThat(excerpt.notableLines())
        .hasSize(FloeLogExcerpt.NOTABLE_LINES_KEPT)
        .endsWith("2026-11-22 ERROR  line 99");
  }
}
