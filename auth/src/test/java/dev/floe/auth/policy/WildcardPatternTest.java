package dev.floe.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** IAM globs without regular expressions. */
class WildcardPatternTest {

  @Test
  void aPatternWithoutWildcardsMatchesOnlyItself() {
    assertThat(WildcardPattern.of("bucket/wh").matches("bucket/wh")).isTrue();
    assertThat(WildcardPattern.of("bucket/wh").matches("bucket/wh2")).isFalse();
    assertThat(WildcardPattern.of("").matches("")).isTrue();
  }

  @Test
  void asterisksMatchAnyRunIncludingNothingAndBacktrack() {
    WildcardPattern pattern = WildcardPattern.of("a*b*c");

    assertThat(pattern.matches("abc")).isTrue();
    assertThat(pattern.matches("aXbYbZc")).isTrue();
    assertThat(pattern.matches("abcb")).isFalse();
    assertThat(WildcardPattern.of("*").matches("")).isTrue();
    assertThat(WildcardPattern.of("**a").matches("bba")).isTrue();
    assertThat(WildcardPattern.of("*a").matches("ab")).isFalse();
  }

  @Test
  void questionMarksMatchExactlyOneCharacter() {
    assertThat(WildcardPattern.of("?").matches("x")).isTrue();
    assertThat(WildcardPattern.of("?").matches("")).isFalse();
    assertThat(WildcardPattern.of("a?*").matches("a")).isFalse();
    assertThat(WildcardPattern.of("a?*").matches("ab")).isTrue();
  }

  @Test
  void literalTextNeverActsAsAWildcard() {
    WildcardPattern pattern =
        new WildcardPattern.Builder()
            .appendGlob("home/")
            .appendLiteral("*")
            .appendGlob("/*")
            .build();

    assertThat(pattern.matches("home/*/x")).isTrue();
    assertThat(pattern.matches("home/bob/x")).isFalse();
  }

  @Test
  void pathologicalPatternsStayFast() {
    String value = "a".repeat(10_000);
    WildcardPattern pattern = WildcardPattern.of("*a*a*a*a*a*a*a*a*b");

    long start = System.nanoTime();
    assertThat(pattern.matches(value)).isFalse();
    assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
  }
}
