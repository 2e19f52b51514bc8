package dev.floe.catalog.rest;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.iceberg.exceptions.BadRequestException;
import org.apache.iceberg.rest.requests.RemoteSignRequest;

/**
 * The S3 request a client asks Floe to sign: its method and the bucket and key it addresses, read
 * from a path-style URI (Floe's configuration tells clients to use path-style access).
 *
 * @param key the object key, percent-decoded; empty for a bucket-level request such as a listing
 * @param listingPrefix the {@code prefix} query parameter of a bucket-level request, or empty
 */
record TableFileRequest(String method, String bucket, String key, String listingPrefix) {
  private static final Set<String> READ_METHODS = Set.of("GET", "HEAD");

  static TableFileRequest of(RemoteSignRequest request) {
    if (request.provider() != null && !"s3".equalsIgnoreCase(request.provider())) {
      throw new BadRequestException("Floe signs S3 requests only, not provider '%s'", request.provider());
    }
    URI uri = request.uri();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (path.length() < 2 || path.charAt(0) != '/') {
      throw new BadRequestException("The request to sign names no bucket: %s", uri);
    }
    int slash = path.indexOf('/', 1);
    String bucket = slash < 0 ? path.substring(1) : path.substring(1, slash);
    String key = slash < 0 ? "" : decode(path.substring(slash + 1));
    return new TableFileRequest(
        request.method().toUpperCase(Locale.ROOT), bucket, key, prefixParameter(uri.getRawQuery()));
  }

  /** Whether the request only reads: anything else needs the right to write table data. */
  boolean reads() {
    return READ_METHODS.contains(method);
  }

  /** The table data action the request needs. */
  String dataAction() {
    return reads() ? TableDataAccess.GET_TABLE_DATA : TableDataAccess.PUT_TABLE_DATA;
  }

  /**
   * The uuid of the table whose location the request addresses (the first segment of its key, or
   * of a listing's prefix), when that segment is a table uuid in the canonical form Floe writes.
   */
  Optional<String> tableUuid() {
    String path = key.isEmpty() ? listingPrefix : key;
    int slash = path.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    String candidate = path.substring(0, slash);
    try {
      return UUID.fromString(candidate).toString().equals(candidate)
          ? Optional.of(candidate)
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String prefixParameter(String rawQuery) {
    if (rawQuery == null) {
      return "";
    }
    for (String parameter : rawQuery.split("&")) {
      if (parameter.startsWith("prefix=")) {
        return decode(parameter.substring("prefix=".length()));
      }
    }
    return "";
  }

  private static String decode(String raw) {
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("Malformed URI in the request to sign: %s", raw);
    }
  }
}
