package dev.floe.auth.policy;

import static dev.floe.auth.policy.TestPolicies.conditionHolds;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How conditions combine: the {@code ForAllValues:} and {@code ForAnyValue:} set qualifiers,
 * several values and keys, several operator blocks, and conditions on a Deny.
 */
class ConditionLogicTest {

  private final PolicyEvaluator evaluator = new PolicyEvaluator();

  private boolean holds(String condition, Map<String, List<String>> context) {
    return conditionHolds(condition, context);
  }

  private boolean holds(String condition, String key, String... values) {
    return holds(condition, Map.of(key, List.of(values)));
  }

  private boolean holdsWithoutKeys(String condition) {
    return holds(condition, Map.of());
  }

  @Test
  void forAllValuesHoldsWhenEveryRequestValueMatchesSomePolicyValue() {
    String condition =
        "{\"ForAllValues:StringEquals\":{\"floe:columns\":[\"id\",\"name\",\"email\"]}}";

    assertThat(holds(condition, "floe:columns", "id", "name")).isTrue();
    assertThat(holds(condition, "floe:columns", "id", "salary")).isFalse();
  }

  @Test
  void forAllValuesHoldsForAnAbsentOrEmptyKey() {
    String condition = "{\"ForAllValues:StringEquals\":{\"floe:columns\":[\"id\"]}}";

    assertThat(holdsWithoutKeys(condition)).isTrue();
    assertThat(holds(condition, Map.of("floe:columns", List.of()))).isTrue();
  }

  @Test
  void forAnyValueHoldsWhenSomeRequestValueMatches() {
    String condition = "{\"ForAnyValue:StringLike\":{\"floe:columns\":[\"pii_*\"]}}";

    assertThat(holds(condition, "floe:columns", "id", "pii_email")).isTrue();
    assertThat(holds(condition, "floe:columns", "id", "name")).isFalse();
  }

  @Test
  void forAnyValueIsFalseForAnAbsentOrEmptyKey() {
    String condition = "{\"ForAnyValue:StringEquals\":{\"floe:columns\":[\"id\"]}}";

    assertThat(holdsWithoutKeys(condition)).isFalse();
    assertThat(holds(condition, Map.of("floe:columns", List.of()))).isFalse();
    assertThat(holdsWithoutKeys("{\"ForAnyValue:StringNotEquals\":{\"floe:columns\":[\"id\"]}}"))
        .isFalse();
  }

  @Test
  void negatedOperatorsUnderSetQualifiersTestEachRequestValue() {
    String noneSecret =
        "{\"ForAllValues:StringNotEquals\":{\"floe:columns\":[\"salary\",\"ssn\"]}}";
    String someNotSecret =
        "{\"ForAnyValue:StringNotEquals\":{\"floe:columns\":[\"salary\",\"ssn\"]}}";

    assertThat(holds(noneSecret, "floe:columns", "id", "name")).isTrue();
    assertThat(holds(noneSecret, "floe:columns", "id", "ssn")).isFalse();
    assertThat(holds(someNotSecret, "floe:columns", "salary", "id")).isTrue();
    assertThat(holds(someNotSecret, "floe:columns", "salary", "ssn")).isFalse();
  }

  @Test
  void qualifiersCombineWithIfExists() {
    assertThat(holdsWithoutKeys("{\"ForAnyValue:StringEqualsIfExists\":{\"floe:columns\":\"id\"}}"))
        .isTrue();
    assertThat(
            holds(
                "{\"ForAnyValue:StringEqualsIfExists\":{\"floe:columns\":\"id\"}}",
                "floe:columns",
                "x"))
        .isFalse();
  }

  @Test
  void aPlainOperatorOnSeveralValuesHoldsWhenAnyMatchesOrForANegationWhenNoneDoes() {
    assertThat(holds("{\"StringEquals\":{\"floe:columns\":\"id\"}}", "floe:columns", "name", "id"))
        .isTrue();
    assertThat(
            holds("{\"StringNotEquals\":{\"floe:columns\":\"id\"}}", "floe:columns", "name", "id"))
        .isFalse();
    assertThat(
            holds(
                "{\"StringNotEquals\":{\"floe:columns\":\"id\"}}", "floe:columns", "name", "email"))
        .isTrue();
  }

  @Test
  void keysInOneOperatorBlockAreAnded() {
    String condition =
        "{\"StringEquals\":{\"s3tables:namespace\":\"sales\",\"s3tables:tableName\":\"orders\"}}";
    Map<String, List<String>> both =
        Map.of("s3tables:namespace", List.of("sales"), "s3tables:tableName", List.of("orders"));
    Map<String, List<String>> oneWrong =
        Map.of("s3tables:namespace", List.of("sales"), "s3tables:tableName", List.of("refunds"));

    assertThat(holds(condition, both)).isTrue();
    assertThat(holds(condition, oneWrong)).isFalse();
  }

  @Test
  void valuesForOneKeyAreOred() {
    String condition = "{\"StringEquals\":{\"s3tables:namespace\":[\"sales\",\"marketing\"]}}";

    assertThat(holds(condition, "s3tables:namespace", "marketing")).isTrue();
    assertThat(holds(condition, "s3tables:namespace", "hr")).isFalse();
  }

  @Test
  void operatorBlocksAreAnded() {
    String condition =
        "{\"StringEquals\":{\"s3tables:namespace\":\"sales\"},\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}";
    Map<String, List<String>> inside = new HashMap<>();
    inside.put("s3tables:namespace", List.of("sales"));
    inside.put("aws:SourceIp", List.of("10.1.1.1"));
    Map<String, List<String>> outside = new HashMap<>(inside);
    outside.put("aws:SourceIp", List.of("192.0.2.1"));

    assertThat(holds(condition, inside)).isTrue();
    assertThat(holds(condition, outside)).isFalse();
  }

  @Test
  void aConditionOnADenyNarrowsTheDeny() {
    PolicyDocument policy =
        PolicyDocument.parse(
            "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\","
                + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}");

    AuthorizationRequest plain =
        new AuthorizationRequest(
            "s3:GetObject", "arn:aws:s3:::b/k", Map.of("aws:SecureTransport", List.of("false")));
    AuthorizationRequest tls =
        new AuthorizationRequest(
            "s3:GetObject", "arn:aws:s3:::b/k", Map.of("aws:SecureTransport", List.of("true")));

    assertThat(evaluator.evaluate(plain, List.of(policy)).outcome())
        .isEqualTo(Decision.Outcome.EXPLICIT_DENY);
    assertThat(evaluator.evaluate(tls, List.of(policy)).outcome())
        .isEqualTo(Decision.Outcome.ALLOW);
  }
}
