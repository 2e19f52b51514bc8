package dev.floe.catalog.warehouse;

import java.nio.charset.StandardCharsets;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.BadRequestException;

/** The rules for namespace levels and table/view names, checked before any key is built. */
final class CatalogNames {
  static final int MAX_BYTES = 255;

  private CatalogNames() {}

  static void validate(Namespace namespace) {
    if (namespace.isEmpty()) {
      throw new BadRequestException("Invalid namespace: a namespace needs at least one level");
    }
    for (String level : namespace.levels()) {
      check("namespace level", level);
    }
  }

  static void validate(TableIdentifier identifier) {
    validate(identifier.namespace());
    check("name", identifier.name());
  }

  private static void check(String what, String name) {
    if (name == null || name.isEmpty()) {
      throw new BadRequestException("Invalid %s: must not be empty", what);
    }
    if (name.equals(".") || name.equals("..")) {
      throw new BadRequestException("Invalid %s '%s': '.' and '..' are reserved", what, name);
    }
    if (name.indexOf('/') >= 0) {
      throw new BadRequestException("Invalid %s '%s': must not contain '/'", what, name);
    }
    if (name.codePoints().anyMatch(Character::isISOControl)) {
      throw new BadRequestException(
          "Invalid %s '%s': must not contain control characters", what, printable(name));
    }
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      throw new BadRequestException(
          "Invalid %s: %s bytes in UTF-8, at most %s allowed", what, bytes, MAX_BYTES);
    }
  }

  private static String printable(String name) {
    StringBuilder out = new StringBuilder();
    name.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }
}
