package dev.floe.auth.policy;

/**
 * The parts of an ARN, {@code arn:partition:service:region:account:resource}. The resource part is
 * everything after the fifth colon, so it may itself hold colons and slashes.
 */
record Arn(String partition, String service, String region, String account, String resource) {

  private static final int PARTS = 6;

  /** The ARN's parts, or null when {@code text} is not an ARN. */
  static Arn parse(String text) {
    String[] parts = text.split(":", PARTS);
    if (parts.length < PARTS || !parts[0].equals("arn")) {
      return null;
    }
    return new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]);
  }
}
