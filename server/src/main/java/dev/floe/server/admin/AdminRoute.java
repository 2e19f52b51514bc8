package dev.floe.server.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every route of the admin API under {@code /_floe/v1/admin}, with the action a caller other than
 * root must be allowed and the resource it is asked on. Actions are Floe's own ({@code floe:Admin…});
 * resources are IAM-style ARNs ({@code arn:aws:iam:::user/alice}, {@code …:group/…}, {@code
 * …:policy/…}, {@code …:access-key/…}), so a policy can delegate the management of some users only.
 */
enum AdminRoute {
  LIST_USERS("GET", "users", "floe:AdminListUsers", v -> iam("user/*")),
  CREATE_USER("POST", "users", "floe:AdminCreateUser", v -> iam("user/*")),
  GET_USER("GET", "users/{user}", "floe:AdminGetUser", v -> iam("user/" + v.get("user"))),
  DELETE_USER("DELETE", "users/{user}", "floe:AdminDeleteUser", v -> iam("user/" + v.get("user"))),
  ENABLE_USER("POST", "users/{user}/enable", "floe:AdminEnableUser", v -> iam("user/" + v.get("user"))),
  DISABLE_USER("POST", "users/{user}/disable", "floe:AdminDisableUser", v -> iam("user/" + v.get("user"))),

  LIST_ACCESS_KEYS("GET", "access-keys", "floe:AdminListAccessKeys", v -> iam("access-key/*")),
  CREATE_ACCESS_KEY("POST", "access-keys", "floe:AdminCreateAccessKey", v -> iam("access-key/*")),
  DELETE_ACCESS_KEY(
      "DELETE", "access-keys/{key}", "floe:AdminDeleteAccessKey", v -> iam("access-key/" + v.get("key"))),

  LIST_POLICIES("GET", "policies", "floe:AdminListPolicies", v -> iam("policy/*")),
  CREATE_POLICY("POST", "policies", "floe:AdminCreatePolicy", v -> iam("policy/*")),
  GET_POLICY("GET", "policies/{policy}", "floe:AdminGetPolicy", v -> iam("policy/" + v.get("policy"))),
  DELETE_POLICY(
      "DELETE", "policies/{policy}", "floe:AdminDeletePolicy", v -> iam("policy/" + v.get("policy"))),
  ATTACH_POLICY(
      "POST", "policies/{policy}/attach", "floe:AdminAttachPolicy", v -> iam("policy/" + v.get("policy"))),
  DETACH_POLICY(
      "POST", "policies/{policy}/detach", "floe:AdminDetachPolicy", v -> iam("policy/" + v.get("policy"))),

  LIST_GROUPS("GET", "groups", "floe:AdminListGroups", v -> iam("group/*")),
  CREATE_GROUP("POST", "groups", "floe:AdminCreateGroup", v -> iam("group/*")),
  GET_GROUP("GET", "groups/{group}", "floe:AdminGetGroup", v -> iam("group/" + v.get("group"))),
  DELETE_GROUP("DELETE", "groups/{group}", "floe:AdminDeleteGroup", v -> iam("group/" + v.get("group"))),
  ADD_GROUP_MEMBER(
      "PUT", "groups/{group}/members/{user}", "floe:AdminAddGroupMember", v -> iam("group/" + v.get("group"))),
  REMOVE_GROUP_MEMBER(
      "DELETE",
      "groups/{group}/members/{user}",
      "floe:AdminRemoveGroupMember",
      v -> iam("group/" + v.get("group")));

  /** Path prefix of the admin API. */
  static final String PATH_PREFIX = "/_floe/v1/admin/";

  private final String method;
  private final List<String> segments;
  private final String action;
  private final Function<Map<String, String>, String> resource;

  AdminRoute(String method, String template, String action, Function<Map<String, String>, String> resource) {
    this.method = method;
    this.segments = List.of(template.split("/"));
    this.action = action;
    this.resource = resource;
  }

  String action() {
    return action;
  }

  String resource(Map<String, String> variables) {
    return resource.apply(variables);
  }

  /** The route and its (decoded) variables for a method and the path segments after the prefix. */
  static Optional<Match> match(String method, List<String> pathSegments) {
    for (AdminRoute route : values()) {
      if (route.method.equals(method)) {
        Map<String, String> variables = route.bind(pathSegments);
        if (variables != null) {
          return Optional.of(new Match(route, variables));
        }
      }
    }
    return Optional.empty();
  }

  private Map<String, String> bind(List<String> pathSegments) {
    if (pathSegments.size() != segments.size()) {
      return null;
    }
    Map<String, String> variables = new HashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      String expected = segments.get(i);
      if (expected.startsWith("{")) {
        variables.put(expected.substring(1, expected.length() - 1), pathSegments.get(i));
      } else if (!expected.equals(pathSegments.get(i))) {
        return null;
      }
    }
    return variables;
  }

  private static String iam(String resource) {
    return "arn:aws:iam:::" + resource;
  }

  record Match(AdminRoute route, Map<String, String> variables) {}
}
