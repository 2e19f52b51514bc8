package dev.floe.bench;

import java.util.OptionalDouble;

/** A target from the catalog issue, stated on Floe's figure alone or on its ratio to the reference. */
record Goal(Goal.Kind kind, double bound, String text) {
  enum Kind { NONE, RATIO_AT_MOST, RATIO_AT_LEAST, FLOE_BELOW }

  static final Goal NONE = new Goal(Kind.NONE, 0, "");

  static Goal ratioAtMost(double bound, String text) {
    return new Goal(Kind.RATIO_AT_MOST, bound, text);
  }

  static Goal ratioAtLeast(double bound, String text) {
    return new Goal(Kind.RATIO_AT_LEAST, bound, text);
  }

  static Goal floeBelow(double bound, String text) {
    return new Goal(Kind.FLOE_BELOW, bound, text);
  }

  /** "met", "missed", or empty when there is no goal or nothing to judge it on. */
  String verdict(OptionalDouble floe, OptionalDouble reference) {
    if (kind == Kind.NONE || floe.isEmpty()) {
      return "";
    }
    if (kind == Kind.FLOE_BELOW) {
      return floe.getAsDouble() < bound ? "met" : "missed";
    }
    if (reference.isEmpty() || reference.getAsDouble() == 0) {
      return "";
    }
    double ratio = floe.getAsDouble() / reference.getAsDouble();
    boolean met = kind == Kind.RATIO_AT_MOST ? ratio <= bound : ratio >= bound;
    return met ? "met" : "missed";
  }
}
