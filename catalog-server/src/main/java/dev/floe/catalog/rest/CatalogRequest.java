package dev.floe.catalog.rest;

import dev.floe.auth.Principal;
import java.util.Map;
import java.util.Optional;

/**
 * A catalog request after authentication and routing: what a handler needs, free of HTTP
 * plumbing.
 *
 * @param sourceIp the connection's remote address ({@code aws:SourceIp})
 * @param secure whether the connection is TLS ({@code aws:SecureTransport})
 * @param tables the table pointers this request has read, shared by authorization and the route
 */
record CatalogRequest(
    RouteMatch match,
    Map<String, String> query,
    Map<String, String> headers,
    byte[] body,
    Principal principal,
    String sourceIp,
    boolean secure,
    RequestTables tables) {

  CatalogRequest {
    query = Map.copyOf(query);
    headers = Map.copyOf(headers);
  }

  Route route() {
    return match.route();
  }

  String pathVariable(String name) {
    return match.variable(name);
  }

  Optional<String> queryParam(String name) {
    return Optional.ofNullable(query.get(name));
  }

  /** Header lookup; names are stored lower-case. */
  Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
  }
}
