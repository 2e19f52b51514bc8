package dev.floe.bench;

import java.util.Collection;
import java.util.OptionalDouble;

/** The median of a set of figures: the middle one, or the mean of the middle two. */
final class Median {
  private Median() {}

  static OptionalDouble of(Collection<? extends Number> values) {
    double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
    if (sorted.length == 0) {
      return OptionalDouble.empty();
    }
    int middle = sorted.length / 2;
    return OptionalDouble.of(sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2);
  }
}
