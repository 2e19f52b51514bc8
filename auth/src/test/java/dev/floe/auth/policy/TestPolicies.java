package dev.floe.auth.policy;

import java.util.List;
import java.util.Map;

/** Short ways to write the policies and requests the specifications use. */
final class TestPolicies {

  private TestPolicies() {}

  /** A 2012-10-17 policy with {@code statements} (a JSON statement object or array). */
  static PolicyDocument policy(String statements) {
    return PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":" + statements + "}");
  }

  static PolicyDocument allow(String action, String resource) {
    return policy(
        "{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\"}");
  }

  /**
   * Whether an Allow statement for {@code s3:GetObject} on everything, with {@code condition} as
   * its Condition element, applies to a request with {@code context}.
   */
  static boolean conditionHolds(String condition, Map<String, List<String>> context) {
    PolicyDocument policy =
        policy(
            "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":"
                + condition
                + "}");
    AuthorizationRequest request =
        new AuthorizationRequest("s3:GetObject", "arn:aws:s3:::b/k", context);
    return new PolicyEvaluator().evaluate(request, List.of(policy)).isAllowed();
  }
}
