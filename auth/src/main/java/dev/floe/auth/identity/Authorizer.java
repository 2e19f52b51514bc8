package dev.floe.auth.identity;

import dev.floe.auth.Principal;
import dev.floe.auth.policy.AuthorizationRequest;
import dev.floe.auth.policy.Decision;
import dev.floe.auth.policy.PolicyEvaluator;
import dev.floe.auth.policy.PolicySet;
import dev.floe.auth.policy.PrincipalPolicies;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a principal may do something: root may do anything; anyone else needs an Allow
 * in its identity policies (and in its key's session policy, if it has one) and no Deny.
 */
public final class Authorizer {
  private final PrincipalPolicies policies;
  private final PolicyEvaluator evaluator = new PolicyEvaluator();

  public Authorizer(PrincipalPolicies policies) {
    this.policies = policies;
  }

  public boolean isAllowed(Principal principal, AuthorizationRequest request) {
    return outcome(principal, request) == Decision.Outcome.ALLOW;
  }

  /**
   * The outcome, distinguishing an explicit Deny from no applicable statement: callers that ask
   * about one resource under several ARNs (a table by name and by uuid) need it to let a Deny on
   * either ARN win over an Allow on the other.
   */
  public Decision.Outcome outcome(Principal principal, AuthorizationRequest request) {
    if (principal.root()) {
      return Decision.Outcome.ALLOW;
    }
    PolicySet identity = policies.identityPolicies(principal);
    Optional<PolicySet> session = policies.sessionPolicy(principal);
    Decision decision =
        session.isPresent()
            ? evaluator.evaluate(request, identity, session.get())
            : evaluator.evaluate(request, identity);
    return decision.outcome();
  }

  /**
   * The global condition keys of a request: {@code aws:username}, {@code aws:SourceIp}, {@code
   * aws:CurrentTime} and {@code aws:SecureTransport}; callers add their service's keys.
   */
  public static Map<String, List<String>> globalContext(
      Principal principal, String sourceIp, boolean secureTransport, Instant now) {
    Map<String, List<String>> context = new HashMap<>();
    context.put("aws:username", List.of(principal.name()));
    if (sourceIp != null) {
      context.put("aws:SourceIp", List.of(sourceIp));
    }
    context.put("aws:CurrentTime", List.of(now.truncatedTo(ChronoUnit.SECONDS).toString()));
    context.put("aws:SecureTransport", List.of(String.valueOf(secureTransport)));
    return context;
  }
}
