package dev.floe.auth;

/**
 * Who a verified request acts for.
 *
 * @param name the user name ({@code aws:username} in policies)
 * @param accessKeyId the access key the request was signed with
 * @param root whether this is the root user, who bypasses policies (but not the integrity guard)
 */
public record Principal(String name, String accessKeyId, boolean root) {

  /** The request attribute under which HTTP handlers record the authenticated principal. */
  public static final String REQUEST_ATTRIBUTE = "floe.principal";
}
