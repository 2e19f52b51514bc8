package dev.floe.auth.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Policy text that may contain policy variables: {@code ${aws:username}}, {@code ${key,
 * 'default'}}, and the escapes {@code ${*}}, {@code ${?}} and {@code ${$}} for a literal {@code *},
 * {@code ?} and {@code $}. Variables are substituted from the request's context keys; a value taken
 * from a variable or an escape is always literal, never a wildcard. Text without variables is
 * resolved once, when the policy is parsed.
 *
 * <p>A variable resolves when its key has exactly one value in the request, or else to its default.
 * A missing or multi-valued key with no default leaves the template unresolved: the element using
 * it does not match, as in IAM.
 */
final class PolicyTemplate {

  private sealed interface Part permits Glob, Literal, Variable {}

  /** Policy text whose {@code *} and {@code ?} are wildcards. */
  private record Glob(String text) implements Part {}

  private record Literal(String text) implements Part {}

  private record Variable(String lowerCaseKey, String defaultValue) implements Part {}

  private final String source;
  private final Part[] parts;
  private final String constantText;
  private final WildcardPattern constantPattern;

  private PolicyTemplate(String source, List<Part> parts) {
    this.source = source;
    this.parts = parts.toArray(Part[]::new);
    boolean constant = parts.stream().noneMatch(Variable.class::isInstance);
    this.constantText = constant ? resolveText(null) : null;
    this.constantPattern = constant ? resolvePattern(null) : null;
  }

  /**
   * Parses {@code source}; with {@code substituteVariables} false (policies of Version 2008-10-17,
   * which predate variables) the text is taken as is.
   */
  static PolicyTemplate parse(String source, boolean substituteVariables, String element) {
    List<Part> parts = new ArrayList<>();
    if (!substituteVariables) {
      parts.add(new Glob(source));
      return new PolicyTemplate(source, parts);
    }
    int textStart = 0;
    int i = source.indexOf("${");
    while (i >= 0) {
      if (i > textStart) {
        parts.add(new Glob(source.substring(textStart, i)));
      }
      int end = parseVariable(source, i, element, parts);
      textStart = end;
      i = source.indexOf("${", end);
    }
    if (textStart < source.length()) {
      parts.add(new Glob(source.substring(textStart)));
    }
    return new PolicyTemplate(source, parts);
  }

  /**
   * Parses the variable starting at {@code start} into {@code parts}; returns the index after it.
   */
  private static int parseVariable(String source, int start, String element, List<Part> parts) {
    int close = source.indexOf('}', start);
    if (close < 0) {
      throw new PolicyParseException(element, "unterminated policy variable in \"" + source + "\"");
    }
    String body = source.substring(start + 2, close);
    if (body.equals("*") || body.equals("?") || body.equals("$")) {
      parts.add(new Literal(body));
      return close + 1;
    }
    int comma = body.indexOf(',');
    String key = (comma < 0 ? body : body.substring(0, comma)).trim();
    if (key.isEmpty() || key.chars().anyMatch(PolicyTemplate::isForbiddenInKey)) {
      throw new PolicyParseException(
          element, "invalid policy variable \"${" + body + "}\" in \"" + source + "\"");
    }
    String defaultValue = null;
    int end = close + 1;
    if (comma >= 0) {
      int quote = skipSpaces(source, start + 2 + comma + 1);
      int closingQuote = -1;
      if (quote < source.length() && source.charAt(quote) == '\'') {
        closingQuote = source.indexOf('\'', quote + 1);
      }
      int brace = closingQuote < 0 ? source.length() : skipSpaces(source, closingQuote + 1);
      if (brace >= source.length() || source.charAt(brace) != '}') {
        throw new PolicyParseException(
            element,
            "a policy variable's default must be quoted, as in ${"
                + key
                + ", 'value'}: \""
                + source
                + "\"");
      }
      defaultValue = source.substring(quote + 1, closingQuote);
      end = brace + 1;
    }
    parts.add(new Variable(key.toLowerCase(Locale.ROOT), defaultValue));
    return end;
  }

  private static boolean isForbiddenInKey(int c) {
    return Character.isWhitespace(c) || c == '\'' || c == '$' || c == '{';
  }

  private static int skipSpaces(String source, int from) {
    int i = from;
    while (i < source.length() && source.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  String source() {
    return source;
  }

  boolean hasVariables() {
    return constantPattern == null;
  }

  /** The text with variables substituted, or null when a variable cannot be resolved. */
  String resolveText(AuthorizationRequest request) {
    if (constantText != null) {
      return constantText;
    }
    StringBuilder text = new StringBuilder(source.length() + 16);
    for (Part part : parts) {
      String value = valueOf(part, request);
      if (value == null) {
        return null;
      }
      text.append(value);
    }
    return text.toString();
  }

  /**
   * The text as a wildcard pattern with variables substituted, or null when one cannot be resolved.
   */
  WildcardPattern resolvePattern(AuthorizationRequest request) {
    if (constantPattern != null) {
      return constantPattern;
    }
    WildcardPattern.Builder pattern = new WildcardPattern.Builder();
    for (Part part : parts) {
      if (part instanceof Glob glob) {
        pattern.appendGlob(glob.text());
      } else {
        String value = valueOf(part, request);
        if (value == null) {
          return null;
        }
        pattern.appendLiteral(value);
      }
    }
    return pattern.build();
  }

  private static String valueOf(Part part, AuthorizationRequest request) {
    if (part instanceof Glob glob) {
      return glob.text();
    }
    if (part instanceof Literal literal) {
      return literal.text();
    }
    Variable variable = (Variable) part;
    List<String> values = request == null ? null : request.valuesOf(variable.lowerCaseKey());
    if (values != null && values.size() == 1) {
      return values.get(0);
    }
    return variable.defaultValue();
  }

  @Override
  public String toString() {
    return source;
  }
}
