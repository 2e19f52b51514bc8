package dev.floe.auth.policy;

import java.util.function.Predicate;

/**
 * The values given for one condition key under one operator, compiled when the policy is parsed.
 */
interface ConditionValues {

  /**
   * A test of one request value against these values, true when it matches at least one of them
   * (values are OR-ed, as in IAM), with policy variables substituted from {@code request}; null
   * when a variable has no value in the request.
   */
  Predicate<String> bind(AuthorizationRequest request);
}
