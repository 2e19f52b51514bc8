package dev.floe.catalog.rest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.rest.Endpoint;
import org.apache.iceberg.rest.ResourcePaths;

/**
 * Every route of Floe's Iceberg REST API, in one place. Paths are relative to {@code /_iceberg};
 * {@code {prefix}} is the warehouse name. A route that is listed here is served, and advertised in
 * {@code /v1/config} when it is an Iceberg endpoint.
 */
public enum Route {
  CONFIG("GET", "/v1/config", false),
  LIST_WAREHOUSES("GET", "/v1/warehouses", false),
  CREATE_WAREHOUSE("POST", "/v1/warehouses", false),
  GET_WAREHOUSE("GET", "/v1/warehouses/{warehouse}", false),
  DELETE_WAREHOUSE("DELETE", "/v1/warehouses/{warehouse}", false),

  LIST_NAMESPACES("GET", ResourcePaths.V1_NAMESPACES, true),
  CREATE_NAMESPACE("POST", ResourcePaths.V1_NAMESPACES, true),
  LOAD_NAMESPACE("GET", ResourcePaths.V1_NAMESPACE, true),
  NAMESPACE_EXISTS("HEAD", ResourcePaths.V1_NAMESPACE, true),
  DROP_NAMESPACE("DELETE", ResourcePaths.V1_NAMESPACE, true),
  UPDATE_NAMESPACE("POST", ResourcePaths.V1_NAMESPACE_PROPERTIES, true),

  LIST_TABLES("GET", ResourcePaths.V1_TABLES, true),
  CREATE_TABLE("POST", ResourcePaths.V1_TABLES, true),
  LOAD_TABLE("GET", ResourcePaths.V1_TABLE, true),
  TABLE_EXISTS("HEAD", ResourcePaths.V1_TABLE, true),
  UPDATE_TABLE("POST", ResourcePaths.V1_TABLE, true),
  DROP_TABLE("DELETE", ResourcePaths.V1_TABLE, true),
  RENAME_TABLE("POST", ResourcePaths.V1_TABLE_RENAME, true),
  REGISTER_TABLE("POST", ResourcePaths.V1_TABLE_REGISTER, true),
  REPORT_METRICS("POST", ResourcePaths.V1_TABLE_METRICS, true),
  COMMIT_TRANSACTION("POST", ResourcePaths.V1_TRANSACTIONS_COMMIT, true),
  LOAD_CREDENTIALS("GET", ResourcePaths.V1_TABLE_CREDENTIALS, true),
  SIGN_TABLE_REQUEST("POST", ResourcePaths.V1_TABLE_REMOTE_SIGN, true),
  /** The S3 signer endpoint of Iceberg clients before 1.12 ({@code s3.signer.endpoint}'s default). */
  SIGN_S3_REQUEST("POST", "/v1/aws/s3/sign", false),

  LIST_VIEWS("GET", ResourcePaths.V1_VIEWS, true),
  CREATE_VIEW("POST", ResourcePaths.V1_VIEWS, true),
  LOAD_VIEW("GET", ResourcePaths.V1_VIEW, true),
  VIEW_EXISTS("HEAD", ResourcePaths.V1_VIEW, true),
  UPDATE_VIEW("POST", ResourcePaths.V1_VIEW, true),
  DROP_VIEW("DELETE", ResourcePaths.V1_VIEW, true),
  RENAME_VIEW("POST", ResourcePaths.V1_VIEW_RENAME, true),
  REGISTER_VIEW("POST", ResourcePaths.V1_VIEW_REGISTER, true);

  private final String method;
  private final String template;
  private final boolean advertised;
  private final List<String> segments;

  Route(String method, String template, boolean advertised) {
    this.method = method;
    this.template = template;
    this.advertised = advertised;
    this.segments = List.of(template.substring(1).split("/"));
  }

  public String method() {
    return method;
  }

  public String template() {
    return template;
  }

  /** Whether {@code /v1/config} lists this route among its Iceberg endpoints. */
  public boolean advertised() {
    return advertised;
  }

  public Endpoint endpoint() {
    return Endpoint.create(method, template);
  }

  /** Whether a request on this route changes state, and so may carry an Idempotency-Key. */
  public boolean mutates() {
    return !method.equals("GET")
        && !method.equals("HEAD")
        && this != REPORT_METRICS
        && this != SIGN_TABLE_REQUEST
        && this != SIGN_S3_REQUEST;
  }

  public static List<Endpoint> advertisedEndpoints() {
    List<Endpoint> endpoints = new ArrayList<>();
    for (Route route : values()) {
      if (route.advertised) {
        endpoints.add(route.endpoint());
      }
    }
    return endpoints;
  }

  /**
   * Finds the route for a method and a path relative to {@code /_iceberg}, whose segments are
   * still percent-encoded; captured variables are decoded.
   */
  public static Optional<RouteMatch> match(String method, List<String> rawSegments) {
    for (Route route : values()) {
      if (route.method.equals(method)) {
        Optional<Map<String, String>> variables = route.bind(rawSegments);
        if (variables.isPresent()) {
          return Optional.of(new RouteMatch(route, variables.get()));
        }
      }
    }
    return Optional.empty();
  }

  /** Whether any route serves this path with another method (405 rather than 404). */
  public static boolean pathExists(List<String> rawSegments) {
    for (Route route : values()) {
      if (route.bind(rawSegments).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private Optional<Map<String, String>> bind(List<String> rawSegments) {
    if (rawSegments.size() != segments.size()) {
      return Optional.empty();
    }
    Map<String, String> variables = new HashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      String expected = segments.get(i);
      String actual = rawSegments.get(i);
      if (expected.startsWith("{")) {
        variables.put(expected.substring(1, expected.length() - 1), PathSegments.decode(actual));
      } else if (!expected.equals(actual)) {
        return Optional.empty();
      }
    }
    return Optional.of(variables);
  }
}
