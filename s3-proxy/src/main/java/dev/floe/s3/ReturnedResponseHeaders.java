package dev.floe.s3;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Which of the backend's response headers reach the client. S3 semantics (ETag, Content-Range,
 * Last-Modified, x-amz-*, …) pass unchanged; hop-by-hop headers and anything naming the backend
 * do not. A {@code Location} pointing at the backend is rewritten to the address the client used.
 */
final class ReturnedResponseHeaders {

  private static final Set<String> DROPPED =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-connection",
          "proxy-authenticate",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "server",
          "date");

  private final String backendAuthority;
  private final String backendBasePath;

  ReturnedResponseHeaders(BackendTarget backend) {
    this.backendAuthority = backend.authority().toLowerCase(Locale.ROOT);
    this.backendBasePath = backend.basePath();
  }

  /**
   * Copies the headers to the client response.
   *
   * @param withBody whether {@code Content-Length} and {@code Content-Type} apply to the body sent
   *     (false when Floe replaces the body and sets them itself)
   * @param clientOrigin {@code scheme://host[:port]} as the client addressed Floe
   */
  void copy(HttpFields backend, HttpFields.Mutable client, boolean withBody, String clientOrigin) {
    for (HttpField field : backend) {
      String name = field.getLowerCaseName();
      if (DROPPED.contains(name)) {
        continue;
      }
      if (!withBody && (name.equals("content-length") || name.equals("content-type")
          || name.equals("content-encoding"))) {
        continue;
      }
      if (field.getHeader() == HttpHeader.LOCATION) {
        location(field.getValue(), clientOrigin).ifPresent(value -> client.add(name, value));
        continue;
      }
      client.add(field);
    }
  }

  /** Relative locations stay; the backend's own are moved to the client's origin; others go. */
  private Optional<String> location(String value, String clientOrigin) {
    URI uri;
    try {
      uri = URI.create(value.trim());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!uri.isAbsolute()) {
      return Optional.of(value);
    }
    String authority = uri.getRawAuthority();
    if (authority == null || !authority.toLowerCase(Locale.ROOT).equals(backendAuthority)) {
      return Optional.empty();
    }
    String rest = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (!backendBasePath.isEmpty() && rest.startsWith(backendBasePath + "/")) {
      rest = rest.substring(backendBasePath.length());
    }
    if (uri.getRawQuery() != null) {
      rest += "?" + uri.getRawQuery();
    }
    return Optional.of(clientOrigin + rest);
  }
}
