package dev.floe.catalog.rest;

import java.util.Map;

/**
 * What a handler answers: a status, an optional body serialized with Iceberg's REST object mapper,
 * and extra headers (such as {@code ETag}).
 */
record CatalogResponse(int status, Object body, Map<String, String> headers) {

  CatalogResponse {
    headers = Map.copyOf(headers);
  }

  static CatalogResponse ok(Object body) {
    return new CatalogResponse(200, body, Map.of());
  }

  static CatalogResponse noContent() {
    return new CatalogResponse(204, null, Map.of());
  }

  static CatalogResponse notModified(String etag) {
    return new CatalogResponse(304, null, Map.of("ETag", etag));
  }

  CatalogResponse withHeader(String name, String value) {
    java.util.Map<String, String> merged = new java.util.HashMap<>(headers);
    merged.put(name, value);
    return new CatalogResponse(status, body, merged);
  }
}
