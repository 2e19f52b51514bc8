package dev.floe.cli;

import java.util.regex.Pattern;
import org.apache.iceberg.catalog.Namespace;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a namespace written with dots between its levels, as in {@code sales.eu.2026}. */
final class NamespaceConverter implements ITypeConverter<Namespace> {
  private static final Pattern DOT = Pattern.compile("\\.");

  @Override
  public Namespace convert(String value) {
    String[] levels = DOT.split(value, -1);
    for (String level : levels) {
      if (level.isEmpty()) {
        throw new TypeConversionException(
            "'" + value + "' is not a namespace: levels are separated by single dots, as in a.b.c");
      }
    }
    return Namespace.of(levels);
  }
}
