package dev.floe.integrity;

/**
 * Why the guard refused an access.
 *
 * @param rule the refusing rule's name, stable for metrics and documentation
 * @param message a client-facing explanation naming the rule and, where one exists, the Floe-side
 *     way to do what was attempted
 */
public record GuardRefusal(String rule, String message) {

  static GuardRefusal of(String rule, String explanation) {
    return new GuardRefusal(
        rule, "Refused by Floe's integrity guard (rule " + rule + "): " + explanation);
  }
}
