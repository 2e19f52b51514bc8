package dev.floe.auth.policy;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Values of {@code Bool}: {@code true} or {@code false}, in any case, as JSON strings or booleans.
 */
final class BoolValues implements ConditionValues {

  private final boolean acceptsTrue;
  private final boolean acceptsFalse;
  private final Predicate<String> test = this::matches;

  private BoolValues(boolean acceptsTrue, boolean acceptsFalse) {
    this.acceptsTrue = acceptsTrue;
    this.acceptsFalse = acceptsFalse;
  }

  static BoolValues compile(List<String> texts, String element) {
    boolean acceptsTrue = false;
    boolean acceptsFalse = false;
    for (String text : texts) {
      Boolean value = parse(text);
      if (value == null) {
        throw new PolicyParseException(element, "\"" + text + "\" is not true or false");
      }
      acceptsTrue |= value;
      acceptsFalse |= !value;
    }
    return new BoolValues(acceptsTrue, acceptsFalse);
  }

  /** {@code true} or {@code false} in any case, else null. */
  static Boolean parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> null;
    };
  }

  @Override
  public Predicate<String> bind(AuthorizationRequest request) {
    return test;
  }

  private boolean matches(String requestText) {
    Boolean value = parse(requestText);
    return value != null && (value ? acceptsTrue : acceptsFalse);
  }
}
