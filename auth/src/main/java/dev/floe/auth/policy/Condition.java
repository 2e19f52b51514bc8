package dev.floe.auth.policy;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * One condition key under one operator, such as {@code "StringLike": {"s3:prefix": ["home/*"]}}. A
 * statement's conditions are AND-ed; the values given for one key are OR-ed.
 *
 * <p>IAM's rules for a key the request does not have (or has with no values): positive operators
 * are false, negated ones true; {@code …IfExists} is true; {@code ForAllValues:} is true and {@code
 * ForAnyValue:} false; {@code Null} is true exactly when its value is {@code true}. A key with
 * several values under a plain operator holds for a positive operator when any value matches and
 * for a negated one when none does. A policy variable without a value makes the condition false,
 * whatever the operator.
 */
final class Condition {

  /** How a condition treats a key with several values. */
  enum SetQualifier {
    NONE(""),
    FOR_ALL_VALUES("ForAllValues:"),
    FOR_ANY_VALUE("ForAnyValue:");

    private final String prefix;

    SetQualifier(String prefix) {
      this.prefix = prefix;
    }
  }

  private static final String IF_EXISTS = "IfExists";

  private final String operatorName;
  private final ConditionOperator operator;
  private final SetQualifier qualifier;
  private final boolean ifExists;
  private final String key;
  private final String lowerCaseKey;
  private final ConditionValues values;
  private final boolean nullHoldsWhenAbsent;
  private final boolean nullHoldsWhenPresent;

  private Condition(
      String operatorName,
      ConditionOperator operator,
      SetQualifier qualifier,
      boolean ifExists,
      String key,
      ConditionValues values,
      boolean nullHoldsWhenAbsent,
      boolean nullHoldsWhenPresent) {
    this.operatorName = operatorName;
    this.operator = operator;
    this.qualifier = qualifier;
    this.ifExists = ifExists;
    this.key = key;
    this.lowerCaseKey = key.toLowerCase(Locale.ROOT);
    this.values = values;
    this.nullHoldsWhenAbsent = nullHoldsWhenAbsent;
    this.nullHoldsWhenPresent = nullHoldsWhenPresent;
  }

  /**
   * Compiles {@code values} for {@code key} under the operator spelled {@code operatorName}, such
   * as {@code ForAnyValue:StringLikeIfExists}.
   */
  static Condition compile(
      String operatorName,
      String key,
      List<String> values,
      boolean substituteVariables,
      String element) {
    SetQualifier qualifier = SetQualifier.NONE;
    String rest = operatorName;
    for (SetQualifier candidate : SetQualifier.values()) {
      if (candidate != SetQualifier.NONE && startsWithIgnoringCase(rest, candidate.prefix)) {
        qualifier = candidate;
        rest = rest.substring(candidate.prefix.length());
        break;
      }
    }
    boolean ifExists = endsWithIgnoringCase(rest, IF_EXISTS);
    if (ifExists) {
      rest = rest.substring(0, rest.length() - IF_EXISTS.length());
    }
    ConditionOperator operator = ConditionOperator.named(rest);
    if (operator == null) {
      throw new PolicyParseException(
          element, "unknown condition operator \"" + operatorName + "\"");
    }
    if (operator == ConditionOperator.NULL) {
      if (ifExists || qualifier != SetQualifier.NONE) {
        throw new PolicyParseException(
            element, "\"" + operatorName + "\": Null takes neither IfExists nor a set qualifier");
      }
      return compileNull(operatorName, key, values, element);
    }
    return new Condition(
        operatorName,
        operator,
        qualifier,
        ifExists,
        key,
        operator.compile(values, substituteVariables, element),
        false,
        false);
  }

  private static Condition compileNull(
      String operatorName, String key, List<String> values, String element) {
    boolean holdsWhenAbsent = false;
    boolean holdsWhenPresent = false;
    for (String text : values) {
      Boolean expectAbsent = BoolValues.parse(text);
      if (expectAbsent == null) {
        throw new PolicyParseException(element, "Null takes true or false, not \"" + text + "\"");
      }
      holdsWhenAbsent |= expectAbsent;
      holdsWhenPresent |= !expectAbsent;
    }
    return new Condition(
        operatorName,
        ConditionOperator.NULL,
        SetQualifier.NONE,
        false,
        key,
        null,
        holdsWhenAbsent,
        holdsWhenPresent);
  }

  String operatorName() {
    return operatorName;
  }

  String key() {
    return key;
  }

  boolean isSatisfiedBy(AuthorizationRequest request) {
    List<String> requestValues = request.valuesOf(lowerCaseKey);
    if (operator == ConditionOperator.NULL) {
      return requestValues == null ? nullHoldsWhenAbsent : nullHoldsWhenPresent;
    }
    if (requestValues == null) {
      if (ifExists) {
        return true;
      }
      return switch (qualifier) {
        case FOR_ALL_VALUES -> true;
        case FOR_ANY_VALUE -> false;
        case NONE -> operator.negated();
      };
    }
    Predicate<String> matchesPolicyValue = values.bind(request);
    if (matchesPolicyValue == null) {
      return false;
    }
    boolean negated = operator.negated();
    return switch (qualifier) {
      case NONE -> anyMatches(requestValues, matchesPolicyValue) != negated;
      case FOR_ANY_VALUE -> anyHolds(requestValues, matchesPolicyValue, negated);
      case FOR_ALL_VALUES -> !anyHolds(requestValues, matchesPolicyValue, !negated);
    };
  }

  private static boolean anyMatches(
      List<String> requestValues, Predicate<String> matchesPolicyValue) {
    for (String value : requestValues) {
      if (matchesPolicyValue.test(value)) {
        return true;
      }
    }
    return false;
  }

  /** Whether some request value's match result differs from {@code negated}. */
  private static boolean anyHolds(
      List<String> requestValues, Predicate<String> matchesPolicyValue, boolean negated) {
    for (String value : requestValues) {
      if (matchesPolicyValue.test(value) != negated) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWithIgnoringCase(String text, String prefix) {
    return text.regionMatches(true, 0, prefix, 0, prefix.length());
  }

  private static boolean endsWithIgnoringCase(String text, String suffix) {
    return text.length() > suffix.length()
        && text.regionMatches(true, text.length() - suffix.length(), suffix, 0, suffix.length());
  }

  @Override
  public String toString() {
    return operatorName + " " + key;
  }
}
