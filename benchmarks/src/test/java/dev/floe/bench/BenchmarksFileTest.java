package dev.floe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchmarksFileTest {

  @Test
  void aMissingFileGetsTheHeaderAndTheSection() {
    String text = BenchmarksFile.refreshed(null, "catalog 2026-11-23", "## Catalog\n\nfigures");

    assertThat(text)
        .startsWith(BenchmarksFile.HEADER)
        .endsWith("<!-- BEGIN catalog 2026-11-23 -->\n## Catalog\n\nfigures\n<!-- END catalog 2026-11-23 -->\n");
  }

  @Test
  void aNewDayIsAppendedAfterEarlierDays() {
    String first = BenchmarksFile.refreshed(null, "catalog 2026-11-22", "old figures");

    String text = BenchmarksFile.refreshed(first, "catalog 2026-11-23", "new figures");

    assertThat(text).contains("old figures").contains("new figures");
    assertThat(text.indexOf("old figures")).isLessThan(text.indexOf("new figures"));
  }

  @Test
  void aRerunTheSameDayReplacesOnlyItsOwnSection() {
    String text = BenchmarksFile.refreshed(null, "catalog 2026-11-23", "first run");
    text = BenchmarksFile.refreshed(text, "scan 2026-11-23", "someone else's figures");
    text += "\nA note written by hand.\n";

    String rerun = BenchmarksFile.refreshed(text, "catalog 2026-11-23", "second run");

    assertThat(rerun)
        .doesNotContain("first run")
        .contains("second run")
        .contains("someone else's figures")
        .endsWith("\nA note written by hand.\n");
    assertThat(rerun.indexOf("second run")).isLessThan(rerun.indexOf("someone else's figures"));
  }
}
