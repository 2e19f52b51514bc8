package dev.floe.auth.policy;

import java.util.Arrays;

/**
 * An IAM glob compiled once: {@code *} matches any run of characters ({@code /} and {@code :}
 * included), {@code ?} exactly one. Each character remembers whether it is a wildcard, so that an
 * asterisk that came from a policy variable's value or from the {@code ${*}} escape matches only
 * itself. Matching is the classic linear backtracking walk: no regular expression is compiled, per
 * policy or per request.
 */
final class WildcardPattern {

  private final char[] chars;
  private final boolean[] wildcard;
  private final String text;
  private final boolean hasWildcards;

  private WildcardPattern(char[] chars, boolean[] wildcard) {
    this.chars = chars;
    this.wildcard = wildcard;
    this.text = new String(chars);
    boolean any = false;
    for (boolean flag : wildcard) {
      any |= flag;
    }
    this.hasWildcards = any;
  }

  /** {@code text} with its {@code *} and {@code ?} acting as wildcards. */
  static WildcardPattern of(String text) {
    return new Builder().appendGlob(text).build();
  }

  boolean matches(String value) {
    if (!hasWildcards) {
      return text.equals(value);
    }
    int p = 0;
    int v = 0;
    int starAt = -1;
    int resumeAt = 0;
    int length = value.length();
    while (v < length) {
      if (p < chars.length && wildcard[p] && chars[p] == '*') {
        starAt = p++;
        resumeAt = v;
      } else if (p < chars.length
          && (wildcard[p] ? chars[p] == '?' : chars[p] == value.charAt(v))) {
        p++;
        v++;
      } else if (starAt >= 0) {
        p = starAt + 1;
        v = ++resumeAt;
      } else {
        return false;
      }
    }
    while (p < chars.length && wildcard[p] && chars[p] == '*') {
      p++;
    }
    return p == chars.length;
  }

  @Override
  public String toString() {
    return text;
  }

  /** Assembles a pattern from glob text and literal text (variable values, escapes). */
  static final class Builder {
    private char[] chars = new char[32];
    private boolean[] wildcard = new boolean[32];
    private int length;

    Builder appendGlob(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        append(c, c == '*' || c == '?');
      }
      return this;
    }

    Builder appendLiteral(String text) {
      for (int i = 0; i < text.length(); i++) {
        append(text.charAt(i), false);
      }
      return this;
    }

    private void append(char c, boolean isWildcard) {
      if (length == chars.length) {
        chars = Arrays.copyOf(chars, length * 2);
        wildcard = Arrays.copyOf(wildcard, length * 2);
      }
      chars[length] = c;
      wildcard[length] = isWildcard;
      length++;
    }

    WildcardPattern build() {
      return new WildcardPattern(Arrays.copyOf(chars, length), Arrays.copyOf(wildcard, length));
    }
  }
}
