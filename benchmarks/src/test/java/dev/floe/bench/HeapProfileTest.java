package dev.floe.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeapProfileTest {
  private static final long MIB = 1 << 20;
  private static final HeapSample BEFORE = new HeapSample(40 * MIB, 20 * MIB);

  @Test
  void aSawtoothThatDoesNotClimbIsFlat() {
    List<HeapSample> sawtooth = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      sawtooth.add(new HeapSample((30 + (i % 5) * 20) * MIB, 22 * MIB));
    }

    HeapProfile heap = new HeapProfile(BEFORE, sawtooth, 25 * MIB, 26 * MIB, 256 * MIB, 8);

    assertThat(heap.minUsedBytes()).isEqualTo(30 * MIB);
    assertThat(heap.maxUsedBytes()).isEqualTo(110 * MIB);
    assertThat(heap.medianUsedBytes()).isEqualTo(70.0 * MIB);
    assertThat(heap.maxOldGenerationBytes()).isEqualTo(22 * MIB);
    assertThat(heap.flat()).isTrue();
  }

  @Test
  void garbageGatheringWithoutACollectionIsFlatWhenNothingIsKept() {
    List<HeapSample> climbing = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      climbing.add(new HeapSample((40 + i * 5) * MIB, 20 * MIB));
    }

    HeapProfile heap = new HeapProfile(BEFORE, climbing, 25 * MIB, 25 * MIB, 256 * MIB, 0);

    assertThat(heap.lastQuarterMedianBytes() - heap.firstQuarterMedianBytes()).isEqualTo(150.0 * MIB);
    assertThat(heap.flat()).isTrue();
  }

  @Test
  void aLiveHeapThatGrewIsNotFlat() {
    List<HeapSample> during = List.of(new HeapSample(60 * MIB, 20 * MIB), new HeapSample(70 * MIB, 20 * MIB));

    assertThat(new HeapProfile(BEFORE, during, 25 * MIB, 90 * MIB, 256 * MIB, 0).flat()).isFalse();
  }

  @Test
  void anOldGenerationThatFillsUpIsNotFlat() {
    List<HeapSample> retained = List.of(
        new HeapSample(60 * MIB, 20 * MIB), new HeapSample(60 * MIB, 90 * MIB), new HeapSample(60 * MIB, 30 * MIB));

    assertThat(new HeapProfile(BEFORE, retained, 25 * MIB, 25 * MIB, 256 * MIB, 3).flat()).isFalse();
  }

  @Test
  void aSingleReadingIsEveryQuarter() {
    HeapProfile heap =
        new HeapProfile(BEFORE, List.of(new HeapSample(50 * MIB, 20 * MIB)), 25 * MIB, 25 * MIB, 256 * MIB, 0);

    assertThat(heap.firstQuarterMedianBytes()).isEqualTo(heap.lastQuarterMedianBytes()).isEqualTo(50.0 * MIB);
  }

  @Test
  void needsAReadingDuringTheUpload() {
    assertThatThrownBy(() -> new HeapProfile(BEFORE, List.of(), 25 * MIB, 25 * MIB, 256 * MIB, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
