package dev.floe.s3;

import java.net.URI;
import java.util.Objects;

/**
 * Where the proxy forwards to and how it signs for the backend.
 *
 * @param endpoint the backing store's base URI ({@code http://host:port}, optionally with a base
 *     path); requests are always forwarded path-style below it
 * @param region the region the backend expects in signatures
 * @param accessKeyId the backend's access key; never shown to clients
 * @param secretKey the backend's secret; never shown to clients or logged
 */
public record BackendTarget(URI endpoint, String region, String accessKeyId, String secretKey) {

  public BackendTarget {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretKey, "secretKey");
    String scheme = endpoint.getScheme();
    if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
      throw new IllegalArgumentException("Backend endpoint must be http or https: " + endpoint);
    }
    if (endpoint.getHost() == null) {
      throw new IllegalArgumentException("Backend endpoint has no host: " + endpoint);
    }
    if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
      throw new IllegalArgumentException("Backend endpoint must not have a query or fragment");
    }
    if (region.isBlank()) {
      throw new IllegalArgumentException("Backend region must not be blank");
    }
  }

  /** The endpoint's path without a trailing slash; empty when the backend serves from its root. */
  String basePath() {
    String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** {@code host:port} as the backend would see it in a Host header (default ports omitted). */
  String authority() {
    int port = endpoint.getPort();
    String host = endpoint.getHost();
    return port == -1 ? host : host + ":" + port;
  }

  @Override
  public String toString() {
    return "BackendTarget[endpoint=" + endpoint + ", region=" + region + ", accessKeyId="
        + accessKeyId + "]";
  }
}
