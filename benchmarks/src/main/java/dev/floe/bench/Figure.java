package dev.floe.bench;

import java.util.Locale;

/** Every figure the catalog benchmark reports, with its unit and the target for it. */
enum Figure {
  LOAD_P50("loadTable p50, client table cache off", Unit.MILLISECONDS,
      Goal.ratioAtMost(1.0 / 3, "≤ 1/3 of reference")),
  LOAD_P99("loadTable p99, client table cache off", Unit.MILLISECONDS, Goal.NONE),
  CACHED_LOAD_P50("loadTable p50, client table cache on", Unit.MILLISECONDS, Goal.NONE),
  CACHED_LOAD_P99("loadTable p99, client table cache on", Unit.MILLISECONDS, Goal.NONE),
  REVALIDATION_P50("304 revalidation p50 (raw GET, If-None-Match)", Unit.MILLISECONDS,
      Goal.floeBelow(2.0, "Floe < 2 ms")),
  REVALIDATION_P99("304 revalidation p99 (raw GET, If-None-Match)", Unit.MILLISECONDS, Goal.NONE),
  PROPERTY_COMMITS_1("property commits/s, 1 writer", Unit.PER_SECOND, Goal.ratioAtLeast(2, "≥ 2× reference")),
  PROPERTY_COMMITS_8("property commits/s, 8 writers, one table", Unit.PER_SECOND,
      Goal.ratioAtLeast(2, "≥ 2× reference")),
  FAST_APPENDS_1("fast appends/s, 1 writer", Unit.PER_SECOND, Goal.ratioAtLeast(2, "≥ 2× reference")),
  FAST_APPENDS_8("fast appends/s, 8 writers, one table", Unit.PER_SECOND, Goal.ratioAtLeast(2, "≥ 2× reference")),
  CREATE_TABLES("createTable/s, 1 client", Unit.PER_SECOND, Goal.ratioAtLeast(1, "≥ 1× reference"));

  enum Unit {
    MILLISECONDS("ms", "%.2f"),
    PER_SECOND("/s", "%.1f");

    private final String symbol;
    private final String format;

    Unit(String symbol, String format) {
      this.symbol = symbol;
      this.format = format;
    }

    String format(double value) {
      return String.format(Locale.ROOT, format, value) + " " + symbol;
    }
  }

  private final String label;
  private final Unit unit;
  private final Goal goal;

  Figure(String label, Unit unit, Goal goal) {
    this.label = label;
    this.unit = unit;
    this.goal = goal;
  }

  String label() {
    return label;
  }

  Unit unit() {
    return unit;
  }

  Goal goal() {
    return goal;
  }
}
