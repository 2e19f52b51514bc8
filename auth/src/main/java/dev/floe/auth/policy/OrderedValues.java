package dev.floe.auth.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Values of the {@code Numeric…} and {@code Date…} operators: each request value is compared with
 * the policy values by magnitude. A request value that is not a number (or date) matches nothing.
 */
final class OrderedValues<T extends Comparable<? super T>> implements ConditionValues {

  /** How the request value must compare with a policy value. */
  enum Comparison {
    EQUALS,
    LESS_THAN,
    LESS_THAN_EQUALS,
    GREATER_THAN,
    GREATER_THAN_EQUALS;

    boolean holds(int requestComparedToPolicy) {
      return switch (this) {
        case EQUALS -> requestComparedToPolicy == 0;
        case LESS_THAN -> requestComparedToPolicy < 0;
        case LESS_THAN_EQUALS -> requestComparedToPolicy <= 0;
        case GREATER_THAN -> requestComparedToPolicy > 0;
        case GREATER_THAN_EQUALS -> requestComparedToPolicy >= 0;
      };
    }
  }

  private final Comparison comparison;
  private final List<T> values;
  private final Function<String, T> parser;
  private final Predicate<String> test = this::matchesAny;

  private OrderedValues(Comparison comparison, List<T> values, Function<String, T> parser) {
    this.comparison = comparison;
    this.values = values;
    this.parser = parser;
  }

  static OrderedValues<BigDecimal> numbers(
      Comparison comparison, List<String> texts, String element) {
    return compile(comparison, texts, OrderedValues::parseNumber, "a number", element);
  }

  static OrderedValues<Instant> dates(Comparison comparison, List<String> texts, String element) {
    return compile(
        comparison, texts, PolicyDate::parse, "a date (ISO 8601 or epoch seconds)", element);
  }

  private static <T extends Comparable<? super T>> OrderedValues<T> compile(
      Comparison comparison,
      List<String> texts,
      Function<String, T> parser,
      String kind,
      String element) {
    List<T> values = new ArrayList<>(texts.size());
    for (String text : texts) {
      T value = parser.apply(text);
      if (value == null) {
        throw new PolicyParseException(element, "\"" + text + "\" is not " + kind);
      }
      values.add(value);
    }
    return new OrderedValues<>(comparison, List.copyOf(values), parser);
  }

  @Override
  public Predicate<String> bind(AuthorizationRequest request) {
    return test;
  }

  private boolean matchesAny(String requestText) {
    T requestValue = parser.apply(requestText);
    if (requestValue == null) {
      return false;
    }
    for (T value : values) {
      if (comparison.holds(requestValue.compareTo(value))) {
        return true;
      }
    }
    return false;
  }

  private static BigDecimal parseNumber(String text) {
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
