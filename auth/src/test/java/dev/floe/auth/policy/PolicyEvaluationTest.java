package dev.floe.auth.policy;

import static dev.floe.auth.policy.TestPolicies.allow;
import static dev.floe.auth.policy.TestPolicies.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.auth.policy.Decision.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How IAM decides a request: default deny, explicit deny wins, otherwise allow; how Action,
 * NotAction, Resource and NotResource match (names case-insensitively, ARNs case-sensitively,
 * region and account ignored); session policies; and combined policy sets.
 */
class PolicyEvaluationTest {

  private static final String WAREHOUSE = "arn:aws:s3tables:::bucket/wh";
  private static final String TABLE = "arn:aws:s3tables:::bucket/wh/table/sales/orders";

  private final PolicyEvaluator evaluator = new PolicyEvaluator();

  private Decision decide(String action, String resource, PolicyDocument... policies) {
    return evaluator.evaluate(new AuthorizationRequest(action, resource), List.of(policies));
  }

  private Outcome outcome(String action, String resource, PolicyDocument... policies) {
    return decide(action, resource, policies).outcome();
  }

  @Test
  void aRequestIsDeniedByDefault() {
    assertThat(outcome("s3tables:GetTable", TABLE)).isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(decide("s3tables:GetTable", TABLE).statementId()).isEmpty();
  }

  @Test
  void anApplicableAllowStatementAllowsTheRequest() {
    Decision decision =
        decide(
            "s3tables:GetTable",
            TABLE,
            policy(
                "{\"Sid\":\"Read\",\"Effect\":\"Allow\",\"Action\":\"s3tables:GetTable\",\"Resource\":\"*\"}"));

    assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
    assertThat(decision.isAllowed()).isTrue();
    assertThat(decision.statementId()).hasValue("Read");
  }

  @Test
  void anAllowForAnotherActionOrResourceLeavesTheRequestImplicitlyDenied() {
    PolicyDocument readOrders = allow("s3tables:GetTable", TABLE);

    assertThat(outcome("s3tables:DeleteTable", TABLE, readOrders)).isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(outcome("s3tables:GetTable", TABLE + "2", readOrders))
        .isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void anExplicitDenyOverridesAnyAllowWhereverEitherIs() {
    PolicyDocument allowEverything = allow("*", "*");
    PolicyDocument denyDrops =
        policy(
            "{\"Sid\":\"NoDrops\",\"Effect\":\"Deny\",\"Action\":\"s3tables:DeleteTable\",\"Resource\":\"*\"}");

    assertThat(decide("s3tables:DeleteTable", TABLE, allowEverything, denyDrops))
        .satisfies(d -> assertThat(d.outcome()).isEqualTo(Outcome.EXPLICIT_DENY))
        .satisfies(d -> assertThat(d.statementId()).hasValue("NoDrops"));
    assertThat(outcome("s3tables:DeleteTable", TABLE, denyDrops, allowEverything))
        .isEqualTo(Outcome.EXPLICIT_DENY);
    assertThat(outcome("s3tables:GetTable", TABLE, allowEverything, denyDrops))
        .isEqualTo(Outcome.ALLOW);
  }

  @Test
  void aDenyAndAnAllowInOnePolicyStillDeny() {
    PolicyDocument mixed =
        policy(
            "[{\"Effect\":\"Allow\",\"Action\":\"s3tables:*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":\"s3tables:Delete*\",\"Resource\":\""
                + WAREHOUSE
                + "/*\"}]");

    assertThat(outcome("s3tables:DeleteTable", TABLE, mixed)).isEqualTo(Outcome.EXPLICIT_DENY);
    assertThat(outcome("s3tables:DeleteTableBucket", WAREHOUSE, mixed)).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void aDenyOnlyPolicyAllowsNothing() {
    PolicyDocument denyDrops =
        policy("{\"Effect\":\"Deny\",\"Action\":\"s3tables:DeleteTable\",\"Resource\":\"*\"}");

    assertThat(outcome("s3tables:GetTable", TABLE, denyDrops)).isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void actionNamesMatchWhateverTheirCase() {
    PolicyDocument policy = allow("S3TABLES:gettable", "*");

    assertThat(outcome("s3tables:GetTable", TABLE, policy)).isEqualTo(Outcome.ALLOW);
    assertThat(outcome("s3Tables:GETTABLE", TABLE, policy)).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void anAsteriskMatchesAnyRunOfCharactersAndAQuestionMarkExactlyOne() {
    assertThat(outcome("s3tables:GetTableMetadataLocation", TABLE, allow("s3tables:Get*", "*")))
        .isEqualTo(Outcome.ALLOW);
    assertThat(outcome("s3tables:ListTables", TABLE, allow("s3tables:Get*", "*")))
        .isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(outcome("s3tables:GetTable", TABLE, allow("s3tables:?etTable", "*")))
        .isEqualTo(Outcome.ALLOW);
    assertThat(outcome("s3tables:GetTables", TABLE, allow("s3tables:GetTable?", "*")))
        .isEqualTo(Outcome.ALLOW);
    assertThat(outcome("s3tables:GetTable", TABLE, allow("s3tables:GetTable?", "*")))
        .isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(outcome("s3:GetObject", "arn:aws:s3:::b/k", allow("*", "*")))
        .isEqualTo(Outcome.ALLOW);
  }

  @Test
  void aServiceWildcardStaysWithinItsService() {
    PolicyDocument s3Only = allow("s3:*", "*");

    assertThat(outcome("s3:PutObject", "arn:aws:s3:::b/k", s3Only)).isEqualTo(Outcome.ALLOW);
    assertThat(outcome("s3tables:GetTable", TABLE, s3Only)).isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void notActionAppliesToEveryActionItDoesNotName() {
    PolicyDocument allButDeletes =
        policy("{\"Effect\":\"Allow\",\"NotAction\":\"s3tables:Delete*\",\"Resource\":\"*\"}");

    assertThat(outcome("s3tables:GetTable", TABLE, allButDeletes)).isEqualTo(Outcome.ALLOW);
    assertThat(outcome("s3:GetObject", "arn:aws:s3:::b/k", allButDeletes)).isEqualTo(Outcome.ALLOW);
    assertThat(outcome("s3tables:DeleteTable", TABLE, allButDeletes))
        .isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void aDenyWithNotActionDeniesEverythingExceptWhatItNames() {
    PolicyDocument onlyReads =
        policy(
            "[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"NotAction\":[\"s3tables:Get*\",\"s3tables:List*\"],\"Resource\":\"*\"}]");

    assertThat(outcome("s3tables:ListTables", WAREHOUSE, onlyReads)).isEqualTo(Outcome.ALLOW);
    assertThat(outcome("s3tables:CreateTable", WAREHOUSE, onlyReads))
        .isEqualTo(Outcome.EXPLICIT_DENY);
  }

  @Test
  void arnsMatchCaseSensitively() {
    PolicyDocument policy = allow("s3tables:GetTableBucket", "arn:aws:s3tables:::bucket/Wh");

    assertThat(outcome("s3tables:GetTableBucket", WAREHOUSE, policy))
        .isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(outcome("s3tables:GetTableBucket", "arn:aws:s3tables:::bucket/Wh", policy))
        .isEqualTo(Outcome.ALLOW);
  }

  @Test
  void anAsteriskInTheResourcePartSpansSlashesAndColons() {
    PolicyDocument everythingInWh = allow("*", "arn:aws:s3tables:::bucket/wh/*");
    PolicyDocument bucketObjects = allow("s3:GetObject", "arn:aws:s3:::data/*");

    assertThat(outcome("s3tables:GetTable", TABLE, everythingInWh)).isEqualTo(Outcome.ALLOW);
    assertThat(outcome("s3:GetObject", "arn:aws:s3:::data/a:b/c::d", bucketObjects))
        .isEqualTo(Outcome.ALLOW);
    assertThat(outcome("s3tables:GetTableBucket", WAREHOUSE, everythingInWh))
        .isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void aQuestionMarkMatchesExactlyOneCharacter() {
    PolicyDocument policy = allow("s3:GetObject", "arn:aws:s3:::data/log-?.txt");

    assertThat(outcome("s3:GetObject", "arn:aws:s3:::data/log-1.txt", policy))
        .isEqualTo(Outcome.ALLOW);
    assertThat(outcome("s3:GetObject", "arn:aws:s3:::data/log-12.txt", policy))
        .isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(outcome("s3:GetObject", "arn:aws:s3:::data/log-.txt", policy))
        .isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void theArnPartsAreMatchedOneByOne() {
    PolicyDocument anyService = allow("*", "arn:aws:*:::bucket/wh");

    assertThat(outcome("s3tables:GetTableBucket", WAREHOUSE, anyService)).isEqualTo(Outcome.ALLOW);
    assertThat(outcome("s3:ListBucket", "arn:aws:s3:::bucket/wh", anyService))
        .isEqualTo(Outcome.ALLOW);
    assertThat(outcome("s3:ListBucket", "arn:aws-cn:s3:::bucket/wh", anyService))
        .isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void regionAndAccountAreIgnoredInThePolicy() {
    PolicyDocument awsStyle =
        allow("s3tables:GetTableBucket", "arn:aws:s3tables:us-east-1:123456789012:bucket/wh");

    assertThat(outcome("s3tables:GetTableBucket", WAREHOUSE, awsStyle)).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void regionAndAccountAreIgnoredInTheRequest() {
    PolicyDocument aistorStyle = allow("s3tables:GetTableBucket", WAREHOUSE);

    assertThat(
            outcome(
                "s3tables:GetTableBucket",
                "arn:aws:s3tables:eu-west-1:111122223333:bucket/wh",
                aistorStyle))
        .isEqualTo(Outcome.ALLOW);
    assertThat(
            outcome(
                "s3tables:GetTableBucket",
                "arn:aws:s3tables:eu-west-1:111122223333:bucket/other",
                aistorStyle))
        .isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void aResourceThatIsNotAnArnIsMatchedOnlyByAnAsterisk() {
    assertThat(outcome("s3tables:ListTableBuckets", "*", allow("s3tables:ListTableBuckets", "*")))
        .isEqualTo(Outcome.ALLOW);
    assertThat(
            outcome(
                "s3tables:ListTableBuckets",
                "*",
                allow("s3tables:ListTableBuckets", "arn:aws:s3tables:::*")))
        .isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void notResourceAppliesToEveryResourceItDoesNotName() {
    PolicyDocument allButWh =
        policy(
            "{\"Effect\":\"Allow\",\"Action\":\"s3tables:GetTable\",\"NotResource\":[\""
                + WAREHOUSE
                + "\",\""
                + WAREHOUSE
                + "/*\"]}");

    assertThat(outcome("s3tables:GetTable", "arn:aws:s3tables:::bucket/other/table/a/b", allButWh))
        .isEqualTo(Outcome.ALLOW);
    assertThat(outcome("s3tables:GetTable", TABLE, allButWh)).isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void aDenyWithNotResourceFencesAPrincipalIntoItsWarehouse() {
    PolicyDocument fenced =
        policy(
            "[{\"Effect\":\"Allow\",\"Action\":\"s3tables:*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":\"s3tables:*\",\"NotResource\":[\""
                + WAREHOUSE
                + "\",\""
                + WAREHOUSE
                + "/*\"]}]");

    assertThat(outcome("s3tables:GetTable", TABLE, fenced)).isEqualTo(Outcome.ALLOW);
    assertThat(outcome("s3tables:GetTable", "arn:aws:s3tables:::bucket/other/table/a/b", fenced))
        .isEqualTo(Outcome.EXPLICIT_DENY);
  }

  private final PolicySet owner = PolicySet.of(List.of(allow("s3tables:*", WAREHOUSE + "*")));

  @Test
  void aSessionPolicyNarrowsWhatTheOwnerMayDo() {
    PolicySet readOnlyKey = PolicySet.of(List.of(allow("s3tables:Get*", "*")));

    assertThat(
            evaluator
                .evaluate(new AuthorizationRequest("s3tables:GetTable", TABLE), owner, readOnlyKey)
                .outcome())
        .isEqualTo(Outcome.ALLOW);
    assertThat(
            evaluator
                .evaluate(
                    new AuthorizationRequest("s3tables:DeleteTable", TABLE), owner, readOnlyKey)
                .outcome())
        .isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void aSessionPolicyCannotGrantWhatTheOwnerLacks() {
    PolicySet everything = PolicySet.of(List.of(allow("*", "*")));
    AuthorizationRequest elsewhere =
        new AuthorizationRequest("s3tables:GetTable", "arn:aws:s3tables:::bucket/other/table/a/b");

    assertThat(evaluator.evaluate(elsewhere, owner, everything).outcome())
        .isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void aDenyInEitherPolicyIsExplicit() {
    PolicySet denyDrops =
        PolicySet.of(
            List.of(
                policy(
                    "[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
                        + "{\"Sid\":\"KeyNoDrops\",\"Effect\":\"Deny\",\"Action\":\"s3tables:DeleteTable\",\"Resource\":\"*\"}]")));
    Decision decision =
        evaluator.evaluate(
            new AuthorizationRequest("s3tables:DeleteTable", TABLE), owner, denyDrops);

    assertThat(decision.outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
    assertThat(decision.statementId()).hasValue("KeyNoDrops");
  }

  @Test
  void aPolicySetDecidesExactlyAsTheListOfItsPolicies() {
    List<PolicyDocument> policies =
        List.of(
            allow("s3tables:Get*", WAREHOUSE + "/*"),
            allow("s3tables:CreateWarehouse", "*"),
            policy("{\"Effect\":\"Deny\",\"NotAction\":\"s3tables:*\",\"Resource\":\"*\"}"),
            policy(
                "{\"Effect\":\"Deny\",\"Action\":\"s3tables:GetTableData\",\"NotResource\":\""
                    + TABLE
                    + "\"}"));
    PolicySet set = PolicySet.of(policies);
    List<AuthorizationRequest> requests =
        List.of(
            new AuthorizationRequest("s3tables:GetTable", TABLE),
            new AuthorizationRequest("s3tables:GetTableData", TABLE),
            new AuthorizationRequest("s3tables:GetTableData", WAREHOUSE + "/table/a/b"),
            new AuthorizationRequest("s3tables:CreateTableBucket", WAREHOUSE),
            new AuthorizationRequest("s3tables:CreateWarehouse", WAREHOUSE),
            new AuthorizationRequest("s3tables:DeleteTable", TABLE),
            new AuthorizationRequest("s3:GetObject", "arn:aws:s3:::b/k"));

    for (int round = 0; round < 2; round++) {
      for (AuthorizationRequest request : requests) {
        assertThat(evaluator.evaluate(request, set))
            .as(request.toString())
            .isEqualTo(evaluator.evaluate(request, policies));
      }
    }
    assertThat(evaluator.evaluate(requests.get(0), set).outcome()).isEqualTo(Outcome.ALLOW);
    assertThat(evaluator.evaluate(requests.get(2), set).outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
    assertThat(evaluator.evaluate(requests.get(3), set).outcome()).isEqualTo(Outcome.ALLOW);
    assertThat(evaluator.evaluate(requests.get(6), set).outcome()).isEqualTo(Outcome.EXPLICIT_DENY);
  }

  @Test
  void anEmptyPolicySetDeniesEverything() {
    assertThat(
            evaluator
                .evaluate(new AuthorizationRequest("s3tables:GetTable", TABLE), PolicySet.empty())
                .outcome())
        .isEqualTo(Outcome.IMPLICIT_DENY);
  }
}
