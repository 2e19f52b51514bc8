package dev.floe.auth.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads IAM policy JSON into a {@link PolicyDocument}, refusing anything IAM would refuse. */
final class PolicyParser {

  private static final Set<String> DOCUMENT_ELEMENTS = Set.of("Version", "Id", "Statement");
  private static final Set<String> STATEMENT_ELEMENTS =
      Set.of("Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition");
  private static final Set<String> RESOURCE_POLICY_ELEMENTS = Set.of("Principal", "NotPrincipal");

  // Duplicate keys are refused rather than letting the last one silently win, and floats are kept
  // exact so that a numeric condition compares the number that was written.
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private PolicyParser() {}

  static PolicyDocument parse(String json) {
    JsonNode root = readTree(json);
    if (!root.isObject()) {
      throw new PolicyParseException("", "a policy must be a JSON object");
    }
    checkElements(root, DOCUMENT_ELEMENTS, "");
    String version = optionalText(root, "Version", "Version");
    if (version != null
        && !version.equals(PolicyDocument.VERSION_2012_10_17)
        && !version.equals(PolicyDocument.VERSION_2008_10_17)) {
      throw new PolicyParseException(
          "Version",
          "must be \""
              + PolicyDocument.VERSION_2012_10_17
              + "\" or \""
              + PolicyDocument.VERSION_2008_10_17
              + "\", not \""
              + version
              + "\"");
    }
    String id = optionalText(root, "Id", "Id");
    boolean substituteVariables = PolicyDocument.VERSION_2012_10_17.equals(version);
    return new PolicyDocument(version, id, statements(root.get("Statement"), substituteVariables));
  }

  private static JsonNode readTree(String json) {
    if (json == null || json.isBlank()) {
      throw new PolicyParseException("", "the policy is empty");
    }
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation();
      String where =
          location == null
              ? ""
              : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
      throw new PolicyParseException("", "not valid JSON" + where + ": " + e.getOriginalMessage());
    }
  }

  private static List<Statement> statements(JsonNode node, boolean substituteVariables) {
    if (node == null) {
      throw new PolicyParseException("Statement", "a policy needs a Statement element");
    }
    List<Statement> statements = new ArrayList<>();
    Set<String> sids = new HashSet<>();
    if (node.isObject()) {
      statements.add(statement(node, "Statement", substituteVariables, sids));
    } else if (node.isArray() && !node.isEmpty()) {
      for (int i = 0; i < node.size(); i++) {
        statements.add(statement(node.get(i), "Statement[" + i + "]", substituteVariables, sids));
      }
    } else {
      throw new PolicyParseException(
          "Statement", "must be a statement object or a non-empty array of them");
    }
    return statements;
  }

  private static Statement statement(
      JsonNode node, String path, boolean substituteVariables, Set<String> sids) {
    if (!node.isObject()) {
      throw new PolicyParseException(path, "a statement must be a JSON object");
    }
    for (String element : RESOURCE_POLICY_ELEMENTS) {
      if (node.has(element)) {
        throw new PolicyParseException(
            path + "." + element,
            "not allowed: Floe policies are identity policies, attached to users, groups and keys");
      }
    }
    checkElements(node, STATEMENT_ELEMENTS, path);

    String sid = optionalText(node, "Sid", path + ".Sid");
    if (sid != null && !sids.add(sid)) {
      throw new PolicyParseException(path + ".Sid", "\"" + sid + "\" is used by another statement");
    }
    Effect effect = effect(node, path);

    boolean notAction = onlyOneOf(node, "Action", "NotAction", path);
    String actionElement = notAction ? "NotAction" : "Action";
    List<WildcardPattern> actions = new ArrayList<>();
    for (String action : strings(node.get(actionElement), path + "." + actionElement)) {
      actions.add(action(action, path + "." + actionElement));
    }

    boolean notResource = onlyOneOf(node, "Resource", "NotResource", path);
    String resourceElement = notResource ? "NotResource" : "Resource";
    List<ResourcePattern> resources = new ArrayList<>();
    for (String resource : strings(node.get(resourceElement), path + "." + resourceElement)) {
      resources.add(
          ResourcePattern.parse(resource, substituteVariables, path + "." + resourceElement));
    }

    List<Condition> conditions =
        conditions(node.get("Condition"), path + ".Condition", substituteVariables);
    return new Statement(sid, effect, notAction, actions, notResource, resources, conditions);
  }

  private static Effect effect(JsonNode node, String path) {
    String text = optionalText(node, "Effect", path + ".Effect");
    if (text == null) {
      throw new PolicyParseException(path, "a statement needs an Effect (\"Allow\" or \"Deny\")");
    }
    Effect effect = Effect.fromPolicyName(text);
    if (effect == null) {
      throw new PolicyParseException(
          path + ".Effect", "must be \"Allow\" or \"Deny\", not \"" + text + "\"");
    }
    return effect;
  }

  /**
   * Whether the statement uses {@code negative} rather than {@code positive}; it needs exactly one.
   */
  private static boolean onlyOneOf(JsonNode node, String positive, String negative, String path) {
    boolean hasPositive = node.has(positive);
    boolean hasNegative = node.has(negative);
    if (hasPositive && hasNegative) {
      throw new PolicyParseException(
          path, "a statement has either " + positive + " or " + negative + ", not both");
    }
    if (!hasPositive && !hasNegative) {
      throw new PolicyParseException(path, "a statement needs " + positive + " or " + negative);
    }
    return hasNegative;
  }

  private static WildcardPattern action(String action, String element) {
    int colon = action.indexOf(':');
    boolean wellFormed =
        action.equals("*")
            || (colon > 0
                && colon < action.length() - 1
                && action.chars().noneMatch(Character::isWhitespace));
    if (!wellFormed) {
      throw new PolicyParseException(
          element,
          "\""
              + action
              + "\" is not an action: write service:action (s3tables:GetTable, s3:*) or *");
    }
    return WildcardPattern.of(action.toLowerCase(Locale.ROOT));
  }

  private static List<Condition> conditions(
      JsonNode node, String path, boolean substituteVariables) {
    List<Condition> conditions = new ArrayList<>();
    if (node == null) {
      return conditions;
    }
    if (!node.isObject()) {
      throw new PolicyParseException(path, "must be an object of condition operators");
    }
    for (Map.Entry<String, JsonNode> operator : node.properties()) {
      String operatorPath = path + "." + operator.getKey();
      JsonNode keys = operator.getValue();
      if (!keys.isObject() || keys.isEmpty()) {
        throw new PolicyParseException(
            operatorPath, "must be a non-empty object of condition keys and values");
      }
      for (Map.Entry<String, JsonNode> entry : keys.properties()) {
        String keyPath = operatorPath + "." + entry.getKey();
        if (entry.getKey().isBlank()) {
          throw new PolicyParseException(operatorPath, "a condition key must not be empty");
        }
        conditions.add(
            Condition.compile(
                operator.getKey(),
                entry.getKey(),
                conditionValues(entry.getValue(), keyPath),
                substituteVariables,
                keyPath));
      }
    }
    return conditions;
  }

  private static List<String> conditionValues(JsonNode node, String path) {
    List<String> values = new ArrayList<>();
    if (node.isArray()) {
      if (node.isEmpty()) {
        throw new PolicyParseException(path, "needs at least one value");
      }
      for (JsonNode value : node) {
        values.add(scalar(value, path));
      }
    } else {
      values.add(scalar(node, path));
    }
    return values;
  }

  private static String scalar(JsonNode node, String path) {
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isNumber()) {
      return node.decimalValue().toPlainString();
    }
    if (node.isBoolean()) {
      return Boolean.toString(node.booleanValue());
    }
    throw new PolicyParseException(path, "a condition value must be a string, number or boolean");
  }

  private static List<String> strings(JsonNode node, String path) {
    List<String> values = new ArrayList<>();
    if (node.isTextual()) {
      values.add(node.textValue());
    } else if (node.isArray() && !node.isEmpty()) {
      for (JsonNode value : node) {
        if (!value.isTextual()) {
          throw new PolicyParseException(path, "must be a string or an array of strings");
        }
        values.add(value.textValue());
      }
    } else {
      throw new PolicyParseException(path, "must be a string or a non-empty array of strings");
    }
    for (String value : values) {
      if (value.isEmpty()) {
        throw new PolicyParseException(path, "must not contain an empty string");
      }
    }
    return values;
  }

  private static String optionalText(JsonNode node, String field, String path) {
    JsonNode value = node.get(field);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      throw new PolicyParseException(path, "must be a string");
    }
    return value.textValue();
  }

  private static void checkElements(JsonNode node, Set<String> known, String path) {
    for (Map.Entry<String, JsonNode> element : node.properties()) {
      String name = element.getKey();
      if (!known.contains(name)) {
        throw new PolicyParseException(
            path, "unknown element \"" + name + "\"; expected one of " + new TreeSet<>(known));
      }
    }
  }
}
