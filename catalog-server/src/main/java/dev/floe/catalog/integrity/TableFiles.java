package dev.floe.catalog.integrity;

import org.apache.iceberg.exceptions.ValidationException;

/**
 * The files a table may reference: everything under its location. For a table Floe created that
 * is {@code s3://<warehouse>/<uuid>/}; a registered table keeps the location its metadata
 * recorded when it was registered.
 */
final class TableFiles {
  private final String location;
  private final String prefix;

  TableFiles(String location) {
    this.location = location;
    this.prefix = location.endsWith("/") ? location : location + "/";
  }

  void require(String path, String what) {
    if (path == null || !path.startsWith(prefix) || hasDotSegment(path)) {
      throw new ValidationException(
          "Cannot commit: %s %s is outside the table location %s", what, path, location);
    }
  }

  private boolean hasDotSegment(String path) {
    for (String segment : path.substring(prefix.length()).split("/", -1)) {
      if (segment.equals("..") || segment.equals(".")) {
        return true;
      }
    }
    return false;
  }
}
