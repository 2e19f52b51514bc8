package dev.floe.catalog.rest;

import java.util.Map;

/** A route and the path variables it captured, decoded. */
public record RouteMatch(Route route, Map<String, String> variables) {

  public RouteMatch {
    variables = Map.copyOf(variables);
  }

  public String variable(String name) {
    return variables.get(name);
  }
}
