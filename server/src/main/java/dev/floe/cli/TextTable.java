package dev.floe.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Rows of text printed in aligned columns: a headed table, or a block of key-value lines. */
final class TextTable {
  private static final String GAP = "  ";

  private final String[] header;
  private final List<String[]> rows = new ArrayList<>();

  private TextTable(String[] header) {
    this.header = header;
  }

  static TextTable withColumns(String... names) {
    return new TextTable(names);
  }

  static TextTable keyValues() {
    return new TextTable(null);
  }

  TextTable row(Object... cells) {
    rows.add(Arrays.stream(cells).map(cell -> Objects.toString(cell, "")).toArray(String[]::new));
    return this;
  }

  /** Prints a "Properties:" block, sorted by key. */
  static void printProperties(PrintWriter out, Map<String, String> properties) {
    if (properties == null || properties.isEmpty()) {
      out.println("Properties:  none");
      return;
    }
    out.println("Properties:");
    TextTable table = keyValues();
    new TreeMap<>(properties).forEach(table::row);
    table.print(out, "  ");
  }

  void print(PrintWriter out, String indent) {
    List<String[]> lines = new ArrayList<>();
    if (header != null) {
      lines.add(header);
    }
    lines.addAll(rows);
    int columns = lines.stream().mapToInt(line -> line.length).max().orElse(0);
    int[] widths = new int[columns];
    for (String[] line : lines) {
      for (int i = 0; i < line.length; i++) {
        widths[i] = Math.max(widths[i], line[i].length());
      }
    }
    for (String[] line : lines) {
      StringBuilder text = new StringBuilder(indent);
      for (int i = 0; i < line.length; i++) {
        text.append(line[i]);
        if (i < line.length - 1) {
          text.append(" ".repeat(widths[i] - line[i].length())).append(GAP);
        }
      }
      out.println(text.toString().stripTrailing());
    }
  }
}
