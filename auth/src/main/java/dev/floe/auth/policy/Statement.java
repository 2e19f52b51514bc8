package dev.floe.auth.policy;

import java.util.List;
import java.util.Optional;

/**
 * One statement of a policy, compiled: its action and resource patterns and its conditions are
 * ready to match without further parsing.
 *
 * <p>A statement applies to a request when its {@code Action} matches the action (or its {@code
 * NotAction} does not), its {@code Resource} matches the resource (or no {@code NotResource} entry
 * does), and every condition holds. Action names match case-insensitively and through {@link
 * ActionAliases}; ARNs match case-sensitively.
 */
public final class Statement {

  private final String sid;
  private final Effect effect;
  private final boolean notAction;
  private final WildcardPattern[] actions;
  private final boolean notResource;
  private final ResourcePattern[] resources;
  private final Condition[] conditions;

  Statement(
      String sid,
      Effect effect,
      boolean notAction,
      List<WildcardPattern> actions,
      boolean notResource,
      List<ResourcePattern> resources,
      List<Condition> conditions) {
    this.sid = sid;
    this.effect = effect;
    this.notAction = notAction;
    this.actions = actions.toArray(WildcardPattern[]::new);
    this.notResource = notResource;
    this.resources = resources.toArray(ResourcePattern[]::new);
    this.conditions = conditions.toArray(Condition[]::new);
  }

  /** The statement's {@code Sid}, if it has one. */
  public Optional<String> sid() {
    return Optional.ofNullable(sid);
  }

  public Effect effect() {
    return effect;
  }

  boolean appliesTo(AuthorizationRequest request) {
    return matchesAction(request.lowerCaseActionNames()) && matchesResourceAndConditions(request);
  }

  /**
   * Whether the Action / NotAction element covers an action, given with its aliases in lower case.
   */
  boolean matchesAction(String[] lowerCaseActionNames) {
    return namesAction(lowerCaseActionNames) != notAction;
  }

  boolean matchesResourceAndConditions(AuthorizationRequest request) {
    return matchesResource(request) && conditionsHold(request);
  }

  private boolean namesAction(String[] lowerCaseActionNames) {
    for (WildcardPattern pattern : actions) {
      for (String name : lowerCaseActionNames) {
        if (pattern.matches(name)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean matchesResource(AuthorizationRequest request) {
    Arn arn = request.arn();
    for (ResourcePattern pattern : resources) {
      ResourcePattern.Resolved resolved = pattern.resolve(request);
      if (resolved == null) {
        // A NotResource entry that cannot be resolved cannot vouch that the resource lies outside
        // it.
        if (notResource) {
          return false;
        }
      } else if (resolved.matches(arn)) {
        return !notResource;
      }
    }
    return notResource;
  }

  private boolean conditionsHold(AuthorizationRequest request) {
    for (Condition condition : conditions) {
      if (!condition.isSatisfiedBy(request)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return effect.policyName() + (sid == null ? "" : " " + sid);
  }
}
