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
import java.util.function.Function;

/**
 * Decides whether a principal may do something: root may do anything; anyone else needs an Allow
 * in its identity policies (and in its key's session policy, if it has one) and no Deny. Vended
 * session credentials are narrowed further by their scope, which binds root as well.
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
   * The outcome, distinguishing an explicit Deny from no applicable statement.
   */
  public Decision.Outcome outcome(Principal principal, AuthorizationRequest request) {
    return outcome(principal, List.of(request));
  }

  /**
   * The outcome for one resource that policies may name under several ARNs (a table by name and
   * by uuid): allowed when one of them is allowed and none is explicitly denied. A session scope
   * and the identity policies are each asked about the resource, under any of its ARNs, and both
   * must allow it.
   */
  public Decision.Outcome outcome(Principal principal, List<AuthorizationRequest> underEachArn) {
    if (principal.sessionScope().isPresent()) {
      PolicySet scope = principal.sessionScope().get();
      Decision.Outcome scoped = combined(underEachArn, request -> evaluator.evaluate(request, scope).outcome());
      if (scoped != Decision.Outcome.ALLOW) {
        return scoped;
      }
    }
    if (principal.root()) {
      return Decision.Outcome.ALLOW;
    }
    PolicySet identity = policies.identityPolicies(principal);
    Optional<PolicySet> session = policies.sessionPolicy(principal);
    return combined(
        underEachArn,
        request ->
            (session.isPresent()
                    ? evaluator.evaluate(request, identity, session.get())
                    : evaluator.evaluate(request, identity))
                .outcome());
  }

  private static Decision.Outcome combined(
      List<AuthorizationRequest> underEachArn, Function<AuthorizationRequest, Decision.Outcome> evaluate) {
    boolean allowed = false;
    for (AuthorizationRequest request : underEachArn) {
      Decision.Outcome outcome = evaluate.apply(request);
      if (outcome == Decision.Outcome.EXPLICIT_DENY) {
        return outcome;
      }
      allowed |= outcome == Decision.Outcome.ALLOW;
    }
    return allowed ? Decision.Outcome.ALLOW : Decision.Outcome.IMPLICIT_DENY;
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
