package dev.floe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MedianTest {

  @Test
  void anOddCountHasAMiddleValue() {
    assertThat(Median.of(List.of(9.0, 1.0, 5.0))).hasValue(5.0);
  }

  @Test
  void anEvenCountAveragesTheMiddleTwo() {
    assertThat(Median.of(List.of(4L, 1L, 3L, 100L))).hasValue(3.5);
  }

  @Test
  void nothingHasNoMedian() {
    assertThat(Median.of(List.<Double>of())).isEmpty();
  }
}
