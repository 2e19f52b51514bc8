package dev.floe.auth;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of an HTTP request that a SigV4 signature covers, exactly as they arrived on the wire.
 *
 * @param method the HTTP method, upper case
 * @param rawPath the request path as sent, still percent-encoded and not normalized
 * @param rawQuery the query string as sent (without {@code ?}), or empty
 * @param headers every header in arrival order, names as sent; repeated headers appear repeatedly
 */
public record SignedRequest(
    String method, String rawPath, String rawQuery, List<Map.Entry<String, String>> headers) {

  public SignedRequest {
    rawQuery = rawQuery == null ? "" : rawQuery;
    headers = List.copyOf(headers);
  }

  /** The first value of a header, matched case-insensitively. */
  public Optional<String> header(String name) {
    for (Map.Entry<String, String> header : headers) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return Optional.of(header.getValue());
      }
    }
    return Optional.empty();
  }
}
