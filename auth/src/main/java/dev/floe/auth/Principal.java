package dev.floe.auth;

import dev.floe.auth.policy.PolicySet;
import java.util.Optional;

/**
 * Who a verified request acts for.
 *
 * @param name the user name ({@code aws:username} in policies)
 * @param accessKeyId the long-term access key the request was signed with, or that vended the
 *     session credentials it was signed with
 * @param root whether this is the root user, who bypasses policies (but not the integrity guard)
 * @param sessionScope for requests signed with vended session credentials, the policy that
 *     narrows them to what they were vended for (one table's data); it binds root too
 */
public record Principal(String name, String accessKeyId, boolean root, Optional<PolicySet> sessionScope) {

  /** The request attribute under which HTTP handlers record the authenticated principal. */
  public static final String REQUEST_ATTRIBUTE = "floe.principal";

  public Principal(String name, String accessKeyId, boolean root) {
    this(name, accessKeyId, root, Optional.empty());
  }

  /** The same principal, acting with credentials narrowed to {@code scope}. */
  public Principal scopedTo(PolicySet scope) {
    return new Principal(name, accessKeyId, root, Optional.of(scope));
  }

  /** Whether no policy applies at all: root acting with its own keys. */
  public boolean unrestricted() {
    return root && sessionScope.isEmpty();
  }
}
