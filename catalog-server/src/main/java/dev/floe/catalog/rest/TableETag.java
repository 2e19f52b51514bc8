package dev.floe.catalog.rest;

import org.apache.iceberg.rest.RESTCatalogProperties.SnapshotMode;

/**
 * ETags for loadTable. Metadata files are immutable, so the current metadata location (plus the
 * snapshot mode, which changes the body) identifies the response: revalidation needs only the
 * table's pointer, never the metadata file.
 */
final class TableETag {

  private TableETag() {}

  static String of(String metadataLocation, SnapshotMode mode) {
    return '"' + IdempotencyKeys.sha256Hex(metadataLocation + "#" + mode.name()).substring(0, 32) + '"';
  }

  /** RFC 9110 If-None-Match: a list of (possibly weak) tags, or {@code *}. */
  static boolean matches(String ifNoneMatch, String etag) {
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals("*") || tag.equals(etag)) {
        return true;
      }
    }
    return false;
  }
}
