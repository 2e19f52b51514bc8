package dev.floe.auth.policy;

import dev.floe.auth.Principal;
import java.util.Optional;

/**
 * The policies that govern a principal: those attached to its user and groups, and the inline
 * session policy of the access key it signed with, if that key has one.
 */
public interface PrincipalPolicies {

  PolicySet identityPolicies(Principal principal);

  Optional<PolicySet> sessionPolicy(Principal principal);
}
