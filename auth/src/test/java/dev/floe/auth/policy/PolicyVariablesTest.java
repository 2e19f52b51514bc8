package dev.floe.auth.policy;

import static dev.floe.auth.policy.TestPolicies.allow;
import static dev.floe.auth.policy.TestPolicies.conditionHolds;
import static dev.floe.auth.policy.TestPolicies.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.floe.auth.policy.Decision.Outcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Policy variables in Resource and NotResource entries and in condition values: substitution,
 * defaults, escapes, unresolvable and multi-valued keys, and the 2008-10-17 version without them. A
 * variable's value and an escape are always literal text, never wildcards.
 */
class PolicyVariablesTest {

  private static final String TABLE = "arn:aws:s3tables:::bucket/wh/table/sales/orders";

  private final PolicyEvaluator evaluator = new PolicyEvaluator();

  private final PolicyDocument homeFolders = allow("s3:*", "arn:aws:s3:::home/${aws:username}/*");

  private Outcome asUser(String username, String resource, PolicyDocument policy) {
    Map<String, List<String>> context =
        username == null ? Map.of() : Map.of("aws:username", List.of(username));
    return evaluator
        .evaluate(new AuthorizationRequest("s3:GetObject", resource, context), List.of(policy))
        .outcome();
  }

  @Test
  void aVariableIsReplacedByTheRequestsValue() {
    assertThat(asUser("alice", "arn:aws:s3:::home/alice/notes.txt", homeFolders))
        .isEqualTo(Outcome.ALLOW);
    assertThat(asUser("alice", "arn:aws:s3:::home/bob/notes.txt", homeFolders))
        .isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void variableNamesAreCaseInsensitive() {
    PolicyDocument policy = allow("s3:*", "arn:aws:s3:::home/${AWS:UserName}/*");

    assertThat(asUser("alice", "arn:aws:s3:::home/alice/x", policy)).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void aVariablesValueIsLiteralEvenWhenItLooksLikeAWildcard() {
    assertThat(asUser("*", "arn:aws:s3:::home/bob/notes.txt", homeFolders))
        .isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(asUser("*", "arn:aws:s3:::home/*/notes.txt", homeFolders)).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void anUnresolvableVariableMakesTheEntryMatchNothing() {
    assertThat(asUser(null, "arn:aws:s3:::home//notes.txt", homeFolders))
        .isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(asUser(null, "arn:aws:s3:::home/${aws:username}/notes.txt", homeFolders))
        .isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void aMultiValuedKeyCannotBeUsedAsAVariable() {
    AuthorizationRequest request =
        new AuthorizationRequest(
            "s3:GetObject",
            "arn:aws:s3:::home/alice/x",
            Map.of("aws:username", List.of("alice", "bob")));

    assertThat(evaluator.evaluate(request, List.of(homeFolders)).outcome())
        .isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void aDefaultValueStandsInForAMissingKey() {
    PolicyDocument policy = allow("s3:*", "arn:aws:s3:::home/${aws:username, 'guest'}/*");

    assertThat(asUser(null, "arn:aws:s3:::home/guest/x", policy)).isEqualTo(Outcome.ALLOW);
    assertThat(asUser("alice", "arn:aws:s3:::home/alice/x", policy)).isEqualTo(Outcome.ALLOW);
    assertThat(asUser("alice", "arn:aws:s3:::home/guest/x", policy))
        .isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void escapesStandForALiteralAsteriskQuestionMarkAndDollar() {
    PolicyDocument policy = allow("s3:*", "arn:aws:s3:::data/${*}${?}${$}");

    assertThat(asUser(null, "arn:aws:s3:::data/*?$", policy)).isEqualTo(Outcome.ALLOW);
    assertThat(asUser(null, "arn:aws:s3:::data/ab$", policy)).isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void aNamespaceVariableScopesTablesToTheRequestsNamespace() {
    PolicyDocument policy =
        allow("s3tables:GetTable", "arn:aws:s3tables:::bucket/wh/table/${s3tables:namespace}/*");
    AuthorizationRequest sales =
        new AuthorizationRequest(
            "s3tables:GetTable", TABLE, Map.of("s3tables:namespace", List.of("sales")));
    AuthorizationRequest hr =
        new AuthorizationRequest(
            "s3tables:GetTable", TABLE, Map.of("s3tables:namespace", List.of("hr")));

    assertThat(evaluator.evaluate(sales, List.of(policy)).outcome()).isEqualTo(Outcome.ALLOW);
    assertThat(evaluator.evaluate(hr, List.of(policy)).outcome()).isEqualTo(Outcome.IMPLICIT_DENY);
  }

  @Test
  void anUnresolvableNotResourceEntryKeepsTheStatementFromApplying() {
    PolicyDocument denyOutsideHome =
        policy(
            "[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"NotResource\":\"arn:aws:s3:::home/${aws:username}/*\"}]");

    assertThat(asUser("alice", "arn:aws:s3:::home/bob/x", denyOutsideHome))
        .isEqualTo(Outcome.EXPLICIT_DENY);
    assertThat(asUser("alice", "arn:aws:s3:::home/alice/x", denyOutsideHome))
        .isEqualTo(Outcome.ALLOW);
    assertThat(asUser(null, "arn:aws:s3:::home/bob/x", denyOutsideHome)).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void version2008PoliciesTakeTheTextLiterally() {
    PolicyDocument old =
        PolicyDocument.parse(
            "{\"Version\":\"2008-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"arn:aws:s3:::home/${aws:username}/*\"}}");
    PolicyDocument unversioned =
        PolicyDocument.parse(
            "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                + "\"Resource\":\"arn:aws:s3:::home/${aws:username}/*\"}}");

    assertThat(asUser("alice", "arn:aws:s3:::home/alice/x", old)).isEqualTo(Outcome.IMPLICIT_DENY);
    assertThat(asUser("alice", "arn:aws:s3:::home/${aws:username}/x", old))
        .isEqualTo(Outcome.ALLOW);
    assertThat(asUser("alice", "arn:aws:s3:::home/${aws:username}/x", unversioned))
        .isEqualTo(Outcome.ALLOW);
  }

  private boolean holds(String condition, Map<String, List<String>> context) {
    return conditionHolds(condition, context);
  }

  private boolean holds(String condition, String key, String... values) {
    return conditionHolds(condition, Map.of(key, List.of(values)));
  }

  @Test
  void aVariableInAConditionValueIsReplacedByTheRequestsValue() {
    String condition =
        "{\"StringLike\":{\"s3:prefix\":[\"\",\"home/\",\"home/${aws:username}/*\"]}}";
    Map<String, List<String>> alice = new HashMap<>();
    alice.put("aws:username", List.of("alice"));
    alice.put("s3:prefix", List.of("home/alice/docs/"));
    Map<String, List<String>> intruder = new HashMap<>(alice);
    intruder.put("s3:prefix", List.of("home/bob/"));

    assertThat(holds(condition, alice)).isTrue();
    assertThat(holds(condition, intruder)).isFalse();
  }

  @Test
  void anUnresolvableVariableMakesTheConditionFalseWhateverTheOperator() {
    assertThat(
            holds(
                "{\"StringEquals\":{\"s3tables:namespace\":\"${aws:username}\"}}",
                "s3tables:namespace",
                "x"))
        .isFalse();
    assertThat(
            holds(
                "{\"StringNotEquals\":{\"s3tables:namespace\":\"${aws:username}\"}}",
                "s3tables:namespace",
                "x"))
        .isFalse();
  }

  @Test
  void variablesWorkInArnConditions() {
    Map<String, List<String>> context = new HashMap<>();
    context.put("aws:username", List.of("alice"));
    context.put("aws:SourceArn", List.of("arn:aws:s3:::home/alice/x"));

    assertThat(
            holds(
                "{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:s3:::home/${aws:username}/*\"}}",
                context))
        .isTrue();
    context.put("aws:username", List.of("bob"));
    assertThat(
            holds(
                "{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:s3:::home/${aws:username}/*\"}}",
                context))
        .isFalse();
  }

  @Test
  void escapedWildcardsInStringLikeMatchOnlyThemselves() {
    String condition = "{\"StringLike\":{\"s3:prefix\":\"report${*}\"}}";

    assertThat(holds(condition, "s3:prefix", "report*")).isTrue();
    assertThat(holds(condition, "s3:prefix", "report-2026")).isFalse();
  }
}
