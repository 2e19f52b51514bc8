package dev.floe.auth.policy;

import java.util.List;

/**
 * Decides a request against a principal's policies with IAM's logic: a request is denied by
 * default; any applicable Deny statement denies it, whatever else applies; otherwise an applicable
 * Allow statement allows it.
 *
 * <p>The caller passes only the policies attached to the principal (see {@link PolicySet}), so the
 * number of policies in the system does not affect the cost of a decision. The root user bypasses
 * policies altogether; that is the caller's decision, not the evaluator's.
 */
public final class PolicyEvaluator {

  /** Evaluates {@code request} against {@code policies}, the principal's identity policies. */
  public Decision evaluate(AuthorizationRequest request, List<PolicyDocument> policies) {
    Statement allowedBy = null;
    for (PolicyDocument policy : policies) {
      for (Statement statement : policy.statements()) {
        if (statement.appliesTo(request)) {
          if (statement.effect() == Effect.DENY) {
            return Decision.decidedBy(statement);
          }
          if (allowedBy == null) {
            allowedBy = statement;
          }
        }
      }
    }
    return allowedBy == null ? Decision.implicitDeny() : Decision.decidedBy(allowedBy);
  }

  /** Evaluates {@code request} against a principal's combined policies. */
  public Decision evaluate(AuthorizationRequest request, PolicySet policies) {
    Statement allowedBy = null;
    for (Statement statement : policies.statementsFor(request)) {
      if (statement.matchesResourceAndConditions(request)) {
        if (statement.effect() == Effect.DENY) {
          return Decision.decidedBy(statement);
        }
        if (allowedBy == null) {
          allowedBy = statement;
        }
      }
    }
    return allowedBy == null ? Decision.implicitDeny() : Decision.decidedBy(allowedBy);
  }

  /**
   * Evaluates a request made with an access key that carries a session policy, which can only
   * narrow what the owner's policies grant (as IAM session policies do): the request is allowed
   * when both allow it, and an explicit Deny in either denies it.
   */
  public Decision evaluate(
      AuthorizationRequest request, PolicySet identityPolicies, PolicySet sessionPolicies) {
    Decision identity = evaluate(request, identityPolicies);
    if (identity.outcome() == Decision.Outcome.EXPLICIT_DENY) {
      return identity;
    }
    Decision session = evaluate(request, sessionPolicies);
    if (session.outcome() != Decision.Outcome.ALLOW) {
      return session;
    }
    return identity;
  }
}
