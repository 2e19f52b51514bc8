package dev.floe.auth.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The policies that govern one principal (those attached to the user, its groups, or an access
 * key), combined for repeated evaluation. Build it once when the attachments change and keep it
 * with the principal; evaluation then only looks at the statements that name the requested action.
 *
 * <p>Whether a statement's {@code Action} / {@code NotAction} covers an action depends on nothing
 * but the action, so the statements relevant to each action are worked out the first time it is
 * asked for and remembered.
 */
public final class PolicySet {

  // Actions come from Floe's own route table, a few dozen names; the bound only guards the memory
  // against a caller that passes arbitrary action strings.
  private static final int MAX_REMEMBERED_ACTIONS = 512;

  private static final PolicySet EMPTY = new PolicySet(List.of());

  private final List<PolicyDocument> policies;
  private final Statement[] statements;
  private final Map<String, Statement[]> statementsByAction = new ConcurrentHashMap<>();

  private PolicySet(List<PolicyDocument> policies) {
    this.policies = List.copyOf(policies);
    List<Statement> all = new ArrayList<>();
    for (PolicyDocument policy : this.policies) {
      all.addAll(policy.statements());
    }
    this.statements = all.toArray(Statement[]::new);
  }

  public static PolicySet of(List<PolicyDocument> policies) {
    return policies.isEmpty() ? EMPTY : new PolicySet(policies);
  }

  /** No policies: every request is implicitly denied. */
  public static PolicySet empty() {
    return EMPTY;
  }

  public List<PolicyDocument> policies() {
    return policies;
  }

  /** The statements whose Action / NotAction covers the request's action, in document order. */
  Statement[] statementsFor(AuthorizationRequest request) {
    String[] names = request.lowerCaseActionNames();
    Statement[] remembered = statementsByAction.get(names[0]);
    if (remembered != null) {
      return remembered;
    }
    Statement[] relevant = select(names);
    if (statementsByAction.size() < MAX_REMEMBERED_ACTIONS) {
      statementsByAction.putIfAbsent(names[0], relevant);
    }
    return relevant;
  }

  private Statement[] select(String[] lowerCaseActionNames) {
    List<Statement> relevant = new ArrayList<>();
    for (Statement statement : statements) {
      if (statement.matchesAction(lowerCaseActionNames)) {
        relevant.add(statement);
      }
    }
    return relevant.toArray(Statement[]::new);
  }

  @Override
  public String toString() {
    return "PolicySet of " + policies.size() + " policies, " + statements.length + " statements";
  }
}
