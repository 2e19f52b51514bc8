package dev.floe.auth.policy;

import static dev.floe.auth.policy.TestPolicies.allow;
import static dev.floe.auth.policy.TestPolicies.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.auth.policy.Decision.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AIStor's warehouse action names and AWS's table-bucket names are one action, whichever a policy
 * or a request uses.
 */
class ActionAliasesTest {

  private static final String WAREHOUSE = "arn:aws:s3tables:::bucket/wh";

  private final PolicyEvaluator evaluator = new PolicyEvaluator();

  private Outcome outcome(String action, String resource, PolicyDocument... policies) {
    return evaluator
        .evaluate(new AuthorizationRequest(action, resource), List.of(policies))
        .outcome();
  }

  @Test
  void aPolicyNamingTheWarehouseSpellingGovernsTheTableBucketAction() {
    PolicyDocument create = allow("s3tables:CreateWarehouse", "*");

    assertThat(outcome("s3tables:CreateTableBucket", WAREHOUSE, create)).isEqualTo(Outcome.ALLOW);
    assertThat(outcome("s3tables:CreateWarehouse", WAREHOUSE, create)).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void aPolicyNamingTheTableBucketSpellingGovernsTheWarehouseAction() {
    assertThat(
            outcome(
                "s3tables:GetWarehouse", WAREHOUSE, allow("s3tables:GetTableBucket", WAREHOUSE)))
        .isEqualTo(Outcome.ALLOW);
    assertThat(outcome("s3tables:ListWarehouses", "*", allow("s3tables:ListTableBuckets", "*")))
        .isEqualTo(Outcome.ALLOW);
    assertThat(
            outcome(
                "s3tables:PutWarehouseMaintenanceConfiguration",
                WAREHOUSE,
                allow("s3tables:PutTableBucketMaintenanceConfiguration", WAREHOUSE)))
        .isEqualTo(Outcome.ALLOW);
  }

  @Test
  void aliasesAreCaseInsensitiveAndWorkThroughWildcardsDeniesAndNotAction() {
    assertThat(outcome("S3TABLES:DELETETABLEBUCKET", WAREHOUSE, allow("s3tables:*Warehouse", "*")))
        .isEqualTo(Outcome.ALLOW);

    PolicyDocument noWarehouseDeletion =
        policy(
            "[{\"Effect\":\"Allow\",\"Action\":\"s3tables:*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":\"s3tables:DeleteWarehouse\",\"Resource\":\"*\"}]");
    assertThat(outcome("s3tables:DeleteTableBucket", WAREHOUSE, noWarehouseDeletion))
        .isEqualTo(Outcome.EXPLICIT_DENY);

    PolicyDocument allButWarehouseDeletion =
        policy(
            "{\"Effect\":\"Allow\",\"NotAction\":\"s3tables:DeleteWarehouse\",\"Resource\":\"*\"}");
    assertThat(outcome("s3tables:DeleteTableBucket", WAREHOUSE, allButWarehouseDeletion))
        .isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void everyAliasPairIsPublished() {
    assertThat(ActionAliases.equivalentsOf("s3tables:createwarehouse"))
        .containsExactly("s3tables:CreateWarehouse", "s3tables:CreateTableBucket");
    assertThat(ActionAliases.equivalentsOf("s3tables:GetTable"))
        .containsExactly("s3tables:GetTable");
  }
}
