package dev.floe.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PercentCodingTest {

  @Test
  @DisplayName("unreserved characters stay; every other UTF-8 byte is escaped in upper-case hex")
  void encodesAsSigV4Requires() {
    assertThat(PercentCoding.encode("AZaz09-_.~")).isEqualTo("AZaz09-_.~");
    assertThat(PercentCoding.encode("a b+c=d&e/f")).isEqualTo("a%20b%2Bc%3Dd%26e%2Ff");
    assertThat(PercentCoding.encode("€ ü 😀")).isEqualTo("%E2%82%AC%20%C3%BC%20%F0%9F%98%80");
    assertThat(PercentCoding.encode("")).isEmpty();
  }

  @Test
  @DisplayName("in a path the slashes between segments stay, empty and dot segments included")
  void pathsKeepTheirSlashes() {
    assertThat(PercentCoding.encodePath("a//b/../c d/%")).isEqualTo("a//b/../c%20d/%25");
  }

  @Test
  @DisplayName("decoding is strict and leaves a plus alone")
  void decodesStrictly() throws S3ErrorException {
    assertThat(PercentCoding.decode("a%20b+c%E2%82%AC")).isEqualTo("a b+c€");
    assertThat(PercentCoding.decode("😀%20€")).isEqualTo("😀 €");
    assertThatThrownBy(() -> PercentCoding.decode("a%2")).isInstanceOf(S3ErrorException.class);
    assertThatThrownBy(() -> PercentCoding.decode("%C3%28")).isInstanceOf(S3ErrorException.class);
  }
}
