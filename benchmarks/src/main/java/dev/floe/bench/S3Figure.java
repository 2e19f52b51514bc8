package dev.floe.bench;

import java.util.Locale;

/** Every figure the S3 proxy benchmark reports, with its unit and the target for it. */
enum S3Figure {
  PUT_1MIB("PUT throughput, 1 MiB objects", Unit.MIB_PER_SECOND, Goal.ratioAtLeast(0.8, "≥ 80 % of direct")),
  GET_1MIB("GET throughput, 1 MiB objects", Unit.MIB_PER_SECOND, Goal.ratioAtLeast(0.9, "≥ 90 % of direct")),
  PUT_64MIB("PUT throughput, 64 MiB objects", Unit.MIB_PER_SECOND, Goal.ratioAtLeast(0.8, "≥ 80 % of direct")),
  GET_64MIB("GET throughput, 64 MiB objects", Unit.MIB_PER_SECOND, Goal.ratioAtLeast(0.9, "≥ 90 % of direct")),
  TINY_OPERATIONS("4 KiB PUT+GET operations, %d concurrent clients", Unit.PER_SECOND,
      Goal.ratioAtLeast(0.7, "≥ 70 % of direct"));

  enum Unit {
    MIB_PER_SECOND("MiB/s", "%.1f"),
    PER_SECOND("ops/s", "%.0f");

    private final String symbol;
    private final String format;

    Unit(String symbol, String format) {
      this.symbol = symbol;
      this.format = format;
    }

    String format(double value) {
      return String.format(Locale.ROOT, format, value) + " " + symbol;
    }

    String formatBare(double value) {
      return String.format(Locale.ROOT, format, value);
    }
  }

  private final String label;
  private final Unit unit;
  private final Goal goal;

  S3Figure(String label, Unit unit, Goal goal) {
    this.label = label;
    this.unit = unit;
    this.goal = goal;
  }

  String label(int clients) {
    return String.format(Locale.ROOT, label, clients);
  }

  Unit unit() {
    return unit;
  }

  Goal goal() {
    return goal;
  }
}
