package dev.floe.auth.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * IAM's condition operators, without the {@code ForAllValues:} / {@code ForAnyValue:} qualifiers
 * and the {@code IfExists} suffix. A negated operator ({@code StringNotEquals}, {@code
 * NotIpAddress}, …) is the negation of its positive twin: it holds when the request value matches
 * none of the policy values.
 */
enum ConditionOperator {
  STRING_EQUALS("StringEquals", false, stringValues(StringValues.Comparison.EXACT)),
  STRING_NOT_EQUALS("StringNotEquals", true, stringValues(StringValues.Comparison.EXACT)),
  STRING_EQUALS_IGNORE_CASE(
      "StringEqualsIgnoreCase", false, stringValues(StringValues.Comparison.IGNORE_CASE)),
  STRING_NOT_EQUALS_IGNORE_CASE(
      "StringNotEqualsIgnoreCase", true, stringValues(StringValues.Comparison.IGNORE_CASE)),
  STRING_LIKE("StringLike", false, stringValues(StringValues.Comparison.LIKE)),
  STRING_NOT_LIKE("StringNotLike", true, stringValues(StringValues.Comparison.LIKE)),

  NUMERIC_EQUALS("NumericEquals", false, numbers(OrderedValues.Comparison.EQUALS)),
  NUMERIC_NOT_EQUALS("NumericNotEquals", true, numbers(OrderedValues.Comparison.EQUALS)),
  NUMERIC_LESS_THAN("NumericLessThan", false, numbers(OrderedValues.Comparison.LESS_THAN)),
  NUMERIC_LESS_THAN_EQUALS(
      "NumericLessThanEquals", false, numbers(OrderedValues.Comparison.LESS_THAN_EQUALS)),
  NUMERIC_GREATER_THAN("NumericGreaterThan", false, numbers(OrderedValues.Comparison.GREATER_THAN)),
  NUMERIC_GREATER_THAN_EQUALS(
      "NumericGreaterThanEquals", false, numbers(OrderedValues.Comparison.GREATER_THAN_EQUALS)),

  DATE_EQUALS("DateEquals", false, dates(OrderedValues.Comparison.EQUALS)),
  DATE_NOT_EQUALS("DateNotEquals", true, dates(OrderedValues.Comparison.EQUALS)),
  DATE_LESS_THAN("DateLessThan", false, dates(OrderedValues.Comparison.LESS_THAN)),
  DATE_LESS_THAN_EQUALS(
      "DateLessThanEquals", false, dates(OrderedValues.Comparison.LESS_THAN_EQUALS)),
  DATE_GREATER_THAN("DateGreaterThan", false, dates(OrderedValues.Comparison.GREATER_THAN)),
  DATE_GREATER_THAN_EQUALS(
      "DateGreaterThanEquals", false, dates(OrderedValues.Comparison.GREATER_THAN_EQUALS)),

  BOOL("Bool", false, (values, variables, element) -> BoolValues.compile(values, element)),
  BINARY_EQUALS(
      "BinaryEquals", false, (values, variables, element) -> BinaryValues.compile(values, element)),

  IP_ADDRESS(
      "IpAddress", false, (values, variables, element) -> IpAddressValues.compile(values, element)),
  NOT_IP_ADDRESS(
      "NotIpAddress",
      true,
      (values, variables, element) -> IpAddressValues.compile(values, element)),

  ARN_EQUALS("ArnEquals", false, ArnValues::compile),
  ARN_LIKE("ArnLike", false, ArnValues::compile),
  ARN_NOT_EQUALS("ArnNotEquals", true, ArnValues::compile),
  ARN_NOT_LIKE("ArnNotLike", true, ArnValues::compile),

  /** Tests whether the key is present; its values are {@code true} (absent) or {@code false}. */
  NULL("Null", false, null);

  /** Compiles the policy's values for an operator. */
  @FunctionalInterface
  interface ValuesCompiler {
    ConditionValues compile(List<String> values, boolean substituteVariables, String element);
  }

  private static final Map<String, ConditionOperator> BY_LOWER_CASE_NAME = indexByLowerCaseName();

  private final String policyName;
  private final boolean negated;
  private final ValuesCompiler compiler;

  ConditionOperator(String policyName, boolean negated, ValuesCompiler compiler) {
    this.policyName = policyName;
    this.negated = negated;
    this.compiler = compiler;
  }

  String policyName() {
    return policyName;
  }

  boolean negated() {
    return negated;
  }

  ConditionValues compile(List<String> values, boolean substituteVariables, String element) {
    return compiler.compile(values, substituteVariables, element);
  }

  /** The operator named {@code name}, ignoring case, or null. */
  static ConditionOperator named(String name) {
    return BY_LOWER_CASE_NAME.get(name.toLowerCase(Locale.ROOT));
  }

  private static ValuesCompiler stringValues(StringValues.Comparison comparison) {
    return (values, variables, element) ->
        StringValues.compile(comparison, values, variables, element);
  }

  private static ValuesCompiler numbers(OrderedValues.Comparison comparison) {
    return (values, variables, element) -> OrderedValues.numbers(comparison, values, element);
  }

  private static ValuesCompiler dates(OrderedValues.Comparison comparison) {
    return (values, variables, element) -> OrderedValues.dates(comparison, values, element);
  }

  private static Map<String, ConditionOperator> indexByLowerCaseName() {
    Map<String, ConditionOperator> index = new HashMap<>();
    for (ConditionOperator operator : values()) {
      index.put(operator.policyName.toLowerCase(Locale.ROOT), operator);
    }
    return Map.copyOf(index);
  }
}
