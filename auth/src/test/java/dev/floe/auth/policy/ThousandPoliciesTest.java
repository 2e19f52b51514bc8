package dev.floe.auth.policy;

import static dev.floe.auth.policy.TestPolicies.policy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With a thousand policies in the system, a decision over the caller's attached policies and over
 * all of them still follows the evaluation rules. How long a decision takes is measured by
 * {@code PolicyEvaluationBenchmark} in {@code benchmarks/}, not here.
 */
class ThousandPoliciesTest {

  private static final int POLICIES_IN_SYSTEM = 1_000;

  private final PolicyEvaluator evaluator = new PolicyEvaluator();

  private static PolicyDocument warehousePolicy(int i) {
    String warehouse = "arn:aws:s3tables:::bucket/wh-" + i;
    return policy(
        "[{\"Sid\":\"Read\",\"Effect\":\"Allow\",\"Action\":[\"s3tables:Get*\",\"s3tables:List*\"],"
            + "\"Resource\":[\""
            + warehouse
            + "\",\""
            + warehouse
            + "/table/*\"]},"
            + "{\"Sid\":\"Write\",\"Effect\":\"Allow\",\"Action\":[\"s3tables:PutTableData\","
            + "\"s3tables:UpdateTableMetadataLocation\",\"s3tables:CreateTable\"],"
            + "\"Resource\":\""
            + warehouse
            + "/table/*\",\"Condition\":{\"StringLike\":{\"s3tables:namespace\":[\"team_"
            + i
            + "*\",\"${aws:username}_*\"]},\"IpAddressIfExists\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}},"
            + "{\"Sid\":\"NoDrops\",\"Effect\":\"Deny\",\"Action\":[\"s3tables:Delete*\"],"
            + "\"Resource\":\""
            + warehouse
            + "*\",\"Condition\":{\"DateLessThan\":{\"aws:CurrentTime\":\"2030-01-01T00:00:00Z\"}}}]");
  }

  private static List<AuthorizationRequest> requests() {
    Map<String, List<String>> context =
        Map.of(
            "aws:username", List.of("alice"),
            "aws:SourceIp", List.of("10.1.2.3"),
            "aws:CurrentTime", List.of("2026-11-22T10:00:00Z"),
            "s3tables:namespace", List.of("team_5_sales"),
            "s3tables:tableName", List.of("orders"));
    List<AuthorizationRequest> requests = new ArrayList<>();
    for (String action :
        List.of(
            "s3tables:GetTable",
            "s3tables:PutTableData",
            "s3tables:DeleteTable",
            "s3tables:CreateWarehouse",
            "s3:GetObject")) {
      requests.add(
          new AuthorizationRequest(
              action, "arn:aws:s3tables:::bucket/wh-5/table/team_5_sales/orders", context));
      requests.add(
          new AuthorizationRequest(action, "arn:aws:s3tables:::bucket/wh-999/table/x/y", context));
    }
    return requests;
  }

  @Test
  void decisionsStayCorrectWithAThousandPoliciesInTheSystem() {
    List<PolicyDocument> system = new ArrayList<>();
    for (int i = 0; i < POLICIES_IN_SYSTEM; i++) {
      system.add(warehousePolicy(i));
    }
    PolicySet attached = PolicySet.of(system.subList(0, 10));
    PolicySet everything = PolicySet.of(system);
    List<AuthorizationRequest> requests = requests();
    assertThat(evaluator.evaluate(requests.get(0), attached).outcome())
        .isEqualTo(Decision.Outcome.ALLOW);
    assertThat(evaluator.evaluate(requests.get(1), attached).outcome())
        .isEqualTo(Decision.Outcome.IMPLICIT_DENY);
    assertThat(evaluator.evaluate(requests.get(2), attached).outcome())
        .isEqualTo(Decision.Outcome.ALLOW);
    assertThat(evaluator.evaluate(requests.get(4), everything).outcome())
        .isEqualTo(Decision.Outcome.EXPLICIT_DENY);
  }
}
