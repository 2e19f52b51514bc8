package dev.floe.auth.policy;

/**
 * A policy document that is not valid IAM policy JSON. The message names the offending element (for
 * example {@code Statement[1].Effect}) so that it can be returned to the client as a 400 as is.
 */
public class PolicyParseException extends RuntimeException {

  private final String element;

  PolicyParseException(String element, String message) {
    super(element.isEmpty() ? message : element + ": " + message);
    this.element = element;
  }

  /** Where in the document the problem is, as a path such as {@code Statement[0].Condition}. */
  public String element() {
    return element;
  }
}
