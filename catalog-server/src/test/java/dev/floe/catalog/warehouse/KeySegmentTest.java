package dev.floe.catalog.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeySegmentTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"plain", "with.dot", "a%2Eb", "spaces and ümlauts", "名前", "-_", "x~y", "%"})
  void everyNameRoundTripsThroughOneSafeSegment(String name) {
    String segment = KeySegment.encode(List.of(name, "second.level"));

    assertThat(segment).matches("[A-Za-z0-9_%.-]+").doesNotContain("/");
    assertThat(KeySegment.decode(segment)).contains(List.of(name, "second.level"));
  }

  @Test
  void levelsAreJoinedUnambiguously() {
    assertThat(KeySegment.encode(List.of("a.b", "c")))
        .isNotEqualTo(KeySegment.encode(List.of("a", "b.c")))
        .isNotEqualTo(KeySegment.encode(List.of("a", "b", "c")));
  }

  @Test
  void aSegmentTooLongForAFileNameIsHashedAndNotDecodable() {
    String longName = "ü".repeat(120);

    String segment = KeySegment.encode(List.of(longName));

    assertThat(segment).startsWith("~").hasSize(65);
    assertThat(KeySegment.encode(List.of(longName))).isEqualTo(segment);
    assertThat(KeySegment.encode(List.of(longName + "x"))).isNotEqualTo(segment);
    assertThat(KeySegment.decode(segment)).isEmpty();
  }
}
