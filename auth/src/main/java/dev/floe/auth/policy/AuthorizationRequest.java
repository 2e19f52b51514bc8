package dev.floe.auth.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a principal asks to do: an action ({@code s3tables:GetTable}, {@code s3:GetObject}), the
 * resource's ARN, and the request context that conditions and policy variables read ({@code
 * s3tables:namespace}, {@code aws:SourceIp}, {@code aws:username}, …; a key may have several
 * values).
 *
 * <p>Context key names are case-insensitive, as in IAM. A key with no values counts as absent. The
 * action's aliases and the ARN's parts are worked out once here rather than per statement.
 */
public final class AuthorizationRequest {

  private final String action;
  private final String resource;
  private final Map<String, List<String>> context;
  private final String[] lowerCaseActionNames;
  private final Arn arn;
  private final Map<String, List<String>> valuesByLowerCaseKey;

  public AuthorizationRequest(String action, String resource, Map<String, List<String>> context) {
    this.action = Objects.requireNonNull(action, "action");
    this.resource = Objects.requireNonNull(resource, "resource");
    this.context = copyOf(Objects.requireNonNull(context, "context"));
    this.lowerCaseActionNames =
        ActionAliases.lowerCaseEquivalentsOf(action.toLowerCase(Locale.ROOT));
    this.arn = Arn.parse(resource);
    this.valuesByLowerCaseKey = indexByLowerCaseKey(this.context);
  }

  /** A request without context keys. */
  public AuthorizationRequest(String action, String resource) {
    this(action, resource, Map.of());
  }

  public String action() {
    return action;
  }

  public String resource() {
    return resource;
  }

  public Map<String, List<String>> context() {
    return context;
  }

  /** The action and its aliases, in lower case. */
  String[] lowerCaseActionNames() {
    return lowerCaseActionNames;
  }

  /** The resource's ARN, or null when the resource is not an ARN (only {@code "*"} matches it). */
  Arn arn() {
    return arn;
  }

  /** The values of a context key given in lower case, or null when the request does not have it. */
  List<String> valuesOf(String lowerCaseKey) {
    return valuesByLowerCaseKey.get(lowerCaseKey);
  }

  private static Map<String, List<String>> copyOf(Map<String, List<String>> context) {
    Map<String, List<String>> copy = new HashMap<>();
    context.forEach(
        (key, values) ->
            copy.put(
                Objects.requireNonNull(key, "context key"),
                List.copyOf(values == null ? List.of() : values)));
    return Map.copyOf(copy);
  }

  private static Map<String, List<String>> indexByLowerCaseKey(Map<String, List<String>> context) {
    Map<String, List<String>> index = new HashMap<>();
    context.forEach(
        (key, values) -> {
          if (!values.isEmpty()) {
            index.merge(
                key.toLowerCase(Locale.ROOT),
                values,
                (first, second) -> {
                  List<String> merged = new ArrayList<>(first);
                  merged.addAll(second);
                  return List.copyOf(merged);
                });
          }
        });
    return Map.copyOf(index);
  }

  @Override
  public String toString() {
    return action + " on " + resource + (context.isEmpty() ? "" : " with " + context);
  }
}
