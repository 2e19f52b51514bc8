package dev.floe.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatencySampleTest {

  @Test
  void percentilesAreNearestRankInMilliseconds() {
    LatencySample sample = new LatencySample(100);
    for (int millis = 100; millis >= 1; millis--) {
      sample.record(millis * 1_000_000L);
    }

    assertThat(sample.percentileMillis(50)).isEqualTo(50.0);
    assertThat(sample.percentileMillis(99)).isEqualTo(99.0);
    assertThat(sample.percentileMillis(100)).isEqualTo(100.0);
  }

  @Test
  void aSingleLatencyIsEveryPercentile() {
    LatencySample sample = new LatencySample(1);
    sample.record(1_500_000L);

    assertThat(sample.percentileMillis(50)).isEqualTo(1.5);
    assertThat(sample.percentileMillis(99)).isEqualTo(1.5);
  }

  @Test
  void anEmptySampleHasNoPercentile() {
    assertThatThrownBy(() -> new LatencySample(10).percentileMillis(50)).isInstanceOf(IllegalStateException.class);
  }
}
