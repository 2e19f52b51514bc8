package dev.floe.auth.policy;

import java.util.List;
import java.util.function.Predicate;

/**
 * Values of the {@code Arn…} operators. IAM gives {@code ArnEquals} and {@code ArnLike} the same
 * meaning (wildcards allowed in both); the parts are matched like a {@code Resource} entry.
 */
final class ArnValues implements ConditionValues {

  private final ResourcePattern[] patterns;
  private final Predicate<String> constant;

  private ArnValues(ResourcePattern[] patterns) {
    this.patterns = patterns;
    boolean hasVariables = false;
    for (ResourcePattern pattern : patterns) {
      hasVariables |= pattern.hasVariables();
    }
    this.constant = hasVariables ? null : resolve(null);
  }

  static ArnValues compile(List<String> texts, boolean substituteVariables, String element) {
    ResourcePattern[] patterns = new ResourcePattern[texts.size()];
    for (int i = 0; i < patterns.length; i++) {
      patterns[i] = ResourcePattern.parse(texts.get(i), substituteVariables, element);
    }
    return new ArnValues(patterns);
  }

  @Override
  public Predicate<String> bind(AuthorizationRequest request) {
    return constant != null ? constant : resolve(request);
  }

  private Predicate<String> resolve(AuthorizationRequest request) {
    ResourcePattern.Resolved[] resolved = new ResourcePattern.Resolved[patterns.length];
    for (int i = 0; i < resolved.length; i++) {
      resolved[i] = patterns[i].resolve(request);
      if (resolved[i] == null) {
        return null;
      }
    }
    return requestText -> {
      Arn arn = Arn.parse(requestText);
      for (ResourcePattern.Resolved pattern : resolved) {
        if (pattern.matches(arn)) {
          return true;
        }
      }
      return false;
    };
  }
}
