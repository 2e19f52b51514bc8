package dev.floe.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.floe.auth.identity.AccessKey;
import dev.floe.auth.identity.Group;
import dev.floe.auth.identity.IdentityDirectory;
import dev.floe.auth.identity.NamedPolicy;
import dev.floe.auth.identity.User;
import java.util.List;
import java.util.Map;

/**
 * What each admin route does, in JSON: it reads the request document, calls the {@link
 * IdentityDirectory} and describes the result. A secret appears in exactly one answer, the one
 * that created it.
 */
final class AdminOperations {
  private final IdentityDirectory directory;
  private final ObjectMapper json;

  AdminOperations(IdentityDirectory directory, ObjectMapper json) {
    this.directory = directory;
    this.json = json;
  }

  JsonNode perform(AdminRoute route, Map<String, String> v, JsonNode body, Map<String, String> query) {
    return switch (route) {
      case LIST_USERS -> list("users", directory.listUsers().stream().map(this::user).toList());
      case CREATE_USER -> user(directory.addUser(text(body, "access-key"), text(body, "secret-key")));
      case GET_USER -> user(directory.user(v.get("user")));
      case DELETE_USER -> done(() -> directory.removeUser(v.get("user")));
      case ENABLE_USER -> user(directory.setUserEnabled(v.get("user"), true));
      case DISABLE_USER -> user(directory.setUserEnabled(v.get("user"), false));

      case LIST_ACCESS_KEYS ->
          list("access-keys", directory.listAccessKeys(query.get("user")).stream().map(this::accessKey).toList());
      case CREATE_ACCESS_KEY -> {
        IdentityDirectory.IssuedAccessKey issued =
            directory.createAccessKey(
                text(body, "user"),
                optionalText(body, "access-key"),
                optionalText(body, "secret-key"),
                optionalText(body, "session-policy"));
        yield accessKey(issued.key()).put("secret-key", issued.secretKey());
      }
      case DELETE_ACCESS_KEY -> done(() -> directory.removeAccessKey(v.get("key")));

      case LIST_POLICIES -> list("policies", directory.listPolicies().stream().map(this::policy).toList());
      case CREATE_POLICY -> policy(directory.createPolicy(text(body, "name"), text(body, "document")));
      case GET_POLICY -> policy(directory.policy(v.get("policy")));
      case DELETE_POLICY -> done(() -> directory.removePolicy(v.get("policy")));
      case ATTACH_POLICY -> attach(v.get("policy"), body, true);
      case DETACH_POLICY -> attach(v.get("policy"), body, false);

      case LIST_GROUPS -> list("groups", directory.listGroups().stream().map(this::group).toList());
      case CREATE_GROUP -> group(directory.addGroup(text(body, "name")));
      case GET_GROUP -> group(directory.group(v.get("group")));
      case DELETE_GROUP -> done(() -> directory.removeGroup(v.get("group")));
      case ADD_GROUP_MEMBER -> user(directory.setMembership(v.get("group"), v.get("user"), true));
      case REMOVE_GROUP_MEMBER -> user(directory.setMembership(v.get("group"), v.get("user"), false));
    };
  }

  private JsonNode attach(String policy, JsonNode body, boolean attached) {
    String user = optionalText(body, "user");
    String group = optionalText(body, "group");
    if ((user == null) == (group == null)) {
      throw AdminException.badRequest("give exactly one of \"user\" and \"group\"");
    }
    return user != null
        ? user(directory.attachToUser(policy, user, attached))
        : group(directory.attachToGroup(policy, group, attached));
  }

  private ObjectNode user(User user) {
    ObjectNode node = json.createObjectNode().put("name", user.name()).put("enabled", user.enabled());
    strings(node.putArray("policies"), user.policies());
    strings(node.putArray("groups"), user.groups());
    return node;
  }

  private ObjectNode accessKey(AccessKey key) {
    ObjectNode node =
        json.createObjectNode()
            .put("access-key", key.accessKeyId())
            .put("user", key.owner())
            .put("enabled", key.enabled())
            .put("created", key.created());
    if (key.sessionPolicy() != null) {
      node.put("session-policy", key.sessionPolicy());
    }
    return node;
  }

  private ObjectNode policy(NamedPolicy policy) {
    return json.createObjectNode().put("name", policy.name()).put("document", policy.document());
  }

  private ObjectNode group(Group group) {
    ObjectNode node = json.createObjectNode().put("name", group.name());
    strings(node.putArray("policies"), group.policies());
    strings(node.putArray("members"), directory.membersOf(group.name()));
    return node;
  }

  private ObjectNode list(String field, List<ObjectNode> items) {
    ObjectNode node = json.createObjectNode();
    node.putArray(field).addAll(items);
    return node;
  }

  private ObjectNode done(Runnable action) {
    action.run();
    return json.createObjectNode().put("status", "success");
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static String text(JsonNode body, String field) {
    String value = optionalText(body, field);
    if (value == null) {
      throw AdminException.badRequest("missing \"" + field + "\" in the request body");
    }
    return value;
  }

  private static String optionalText(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw AdminException.badRequest("\"" + field + "\" must be a string");
    }
    return value.asText();
  }
}
