package dev.floe.auth.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Values of the {@code String…} operators, which may contain policy variables. */
final class StringValues implements ConditionValues {

  enum Comparison {
    /** {@code StringEquals}: exact and case-sensitive. */
    EXACT,
    /** {@code StringEqualsIgnoreCase}. */
    IGNORE_CASE,
    /** {@code StringLike}: case-sensitive, with {@code *} and {@code ?} wildcards. */
    LIKE
  }

  private final Comparison comparison;
  private final PolicyTemplate[] templates;
  private final Predicate<String> constant;

  private StringValues(Comparison comparison, PolicyTemplate[] templates) {
    this.comparison = comparison;
    this.templates = templates;
    boolean hasVariables = false;
    for (PolicyTemplate template : templates) {
      hasVariables |= template.hasVariables();
    }
    this.constant = hasVariables ? null : resolve(null);
  }

  static StringValues compile(
      Comparison comparison, List<String> values, boolean substituteVariables, String element) {
    PolicyTemplate[] templates = new PolicyTemplate[values.size()];
    for (int i = 0; i < templates.length; i++) {
      templates[i] = PolicyTemplate.parse(values.get(i), substituteVariables, element);
    }
    return new StringValues(comparison, templates);
  }

  @Override
  public Predicate<String> bind(AuthorizationRequest request) {
    return constant != null ? constant : resolve(request);
  }

  private Predicate<String> resolve(AuthorizationRequest request) {
    if (comparison == Comparison.LIKE) {
      WildcardPattern[] patterns = new WildcardPattern[templates.length];
      for (int i = 0; i < patterns.length; i++) {
        patterns[i] = templates[i].resolvePattern(request);
        if (patterns[i] == null) {
          return null;
        }
      }
      return value -> matchesAny(patterns, value);
    }
    String[] texts = new String[templates.length];
    for (int i = 0; i < texts.length; i++) {
      texts[i] = templates[i].resolveText(request);
      if (texts[i] == null) {
        return null;
      }
    }
    if (comparison == Comparison.IGNORE_CASE) {
      return value -> equalsAnyIgnoringCase(texts, value);
    }
    Set<String> set = new HashSet<>(List.of(texts));
    return set::contains;
  }

  private static boolean matchesAny(WildcardPattern[] patterns, String value) {
    for (WildcardPattern pattern : patterns) {
      if (pattern.matches(value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean equalsAnyIgnoringCase(String[] texts, String value) {
    for (String text : texts) {
      if (text.equalsIgnoreCase(value)) {
        return true;
      }
    }
    return false;
  }
}
