package dev.floe.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which documents are IAM policies, and what a client is told about those that are not. */
class PolicyParsingTest {

  private static PolicyDocument parse(String json) {
    return PolicyDocument.parse(json);
  }

  private static String withStatement(String statement) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":" + statement + "}";
  }

  @Test
  void aFullPolicyKeepsItsVersionIdAndStatements() {
    PolicyDocument policy =
        parse(
            "{\"Version\":\"2012-10-17\",\"Id\":\"analysts\",\"Statement\":["
                + "{\"Sid\":\"Read\",\"Effect\":\"Allow\",\"Action\":[\"s3tables:GetTable\",\"s3tables:ListTables\"],"
                + "\"Resource\":[\"arn:aws:s3tables:::bucket/wh\",\"arn:aws:s3tables:::bucket/wh/table/*\"]},"
                + "{\"Effect\":\"Deny\",\"NotAction\":\"s3tables:Get*\",\"NotResource\":\"arn:aws:s3tables:::bucket/wh\","
                + "\"Condition\":{\"StringEquals\":{\"s3tables:namespace\":\"hr\"}}}]}");

    assertThat(policy.version()).hasValue("2012-10-17");
    assertThat(policy.id()).hasValue("analysts");
    assertThat(policy.statements()).hasSize(2);
    assertThat(policy.statements().get(0).sid()).hasValue("Read");
    assertThat(policy.statements().get(0).effect()).isEqualTo(Effect.ALLOW);
    assertThat(policy.statements().get(1).sid()).isEmpty();
    assertThat(policy.statements().get(1).effect()).isEqualTo(Effect.DENY);
  }

  @Test
  void aSingleStatementObjectAndSingleStringsAreAccepted() {
    PolicyDocument policy =
        parse(
            withStatement(
                "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}"));

    assertThat(policy.statements()).hasSize(1);
  }

  @Test
  void theVersionMayBeLeftOutOrBeTheOriginalOne() {
    String statement = "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}";

    assertThat(parse("{\"Statement\":" + statement + "}").version()).isEmpty();
    assertThat(parse("{\"Version\":\"2008-10-17\",\"Statement\":" + statement + "}").version())
        .hasValue("2008-10-17");
  }

  @Test
  void conditionValuesMayBeStringsNumbersBooleansOrArraysOfThem() {
    PolicyDocument policy =
        parse(
            withStatement(
                "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{"
                    + "\"NumericLessThan\":{\"s3:max-keys\":[10, 2.5, \"7\"]},"
                    + "\"Bool\":{\"aws:SecureTransport\":true},"
                    + "\"ForAnyValue:StringLikeIfExists\":{\"floe:columns\":\"a*\"}}}"));

    assertThat(policy.statements()).hasSize(1);
  }

  @Test
  void aPolicyIsReusableAcrossThreads() {
    PolicyDocument policy =
        parse(withStatement("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}"));

    List<Boolean> results =
        List.of(1, 2, 3, 4).parallelStream()
            .map(
                i ->
                    new PolicyEvaluator()
                        .evaluate(
                            new AuthorizationRequest("s3:GetObject", "arn:aws:s3:::b/" + i),
                            List.of(policy))
                        .isAllowed())
            .toList();

    assertThat(results).containsOnly(true);
  }

  private static void assertRefused(String json, String element, String messagePart) {
    assertThatThrownBy(() -> parse(json))
        .isInstanceOfSatisfying(
            PolicyParseException.class, e -> assertThat(e.element()).isEqualTo(element))
        .hasMessageContaining(messagePart);
  }

  @Test
  void malformedJsonIsRefusedWithItsPosition() {
    assertRefused("{\"Version\":\"2012-10-17\",", "", "not valid JSON at line 1");
    assertRefused("[]", "", "a policy must be a JSON object");
    assertRefused("", "", "the policy is empty");
    assertRefused("{\"Statement\":[]} trailing", "", "not valid JSON");
  }

  @Test
  void duplicateKeysAreRefusedRatherThanSilentlyOverwritten() {
    assertRefused(
        withStatement(
            "{\"Effect\":\"Allow\",\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}"),
        "",
        "Duplicate field 'Effect'");
  }

  @Test
  void unknownElementsAreNamed() {
    assertRefused(
        "{\"Version\":\"2012-10-17\",\"Statment\":[]}", "", "unknown element \"Statment\"");
    assertRefused(
        withStatement("{\"Effect\":\"Allow\",\"Actions\":\"*\",\"Resource\":\"*\"}"),
        "Statement",
        "unknown element \"Actions\"");
  }

  @Test
  void theVersionMustBeOneOfIamsTwo() {
    assertRefused(
        "{\"Version\":\"2012-10-18\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}",
        "Version",
        "not \"2012-10-18\"");
    assertRefused("{\"Version\":2012,\"Statement\":[]}", "Version", "must be a string");
  }

  @Test
  void aPolicyNeedsStatements() {
    assertRefused(
        "{\"Version\":\"2012-10-17\"}", "Statement", "a policy needs a Statement element");
    assertRefused(withStatement("[]"), "Statement", "non-empty array");
    assertRefused(
        withStatement("[\"Allow\"]"), "Statement[0]", "a statement must be a JSON object");
  }

  @Test
  void theEffectMustBeAllowOrDenyExactly() {
    assertRefused(
        withStatement("[{\"Effect\":\"allow\",\"Action\":\"*\",\"Resource\":\"*\"}]"),
        "Statement[0].Effect",
        "must be \"Allow\" or \"Deny\", not \"allow\"");
    assertRefused(
        withStatement("{\"Action\":\"*\",\"Resource\":\"*\"}"), "Statement", "needs an Effect");
  }

  @Test
  void aStatementNeedsExactlyOneOfActionAndNotAction() {
    assertRefused(
        withStatement("{\"Effect\":\"Allow\",\"Resource\":\"*\"}"),
        "Statement",
        "needs Action or NotAction");
    assertRefused(
        withStatement(
            "{\"Effect\":\"Allow\",\"Action\":\"*\",\"NotAction\":\"s3:*\",\"Resource\":\"*\"}"),
        "Statement",
        "either Action or NotAction, not both");
  }

  @Test
  void aStatementNeedsExactlyOneOfResourceAndNotResource() {
    assertRefused(
        withStatement("{\"Effect\":\"Allow\",\"Action\":\"*\"}"),
        "Statement",
        "needs Resource or NotResource");
    assertRefused(
        withStatement(
            "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"NotResource\":\"*\"}"),
        "Statement",
        "either Resource or NotResource, not both");
  }

  @Test
  void actionsMustBeServiceQualifiedStrings() {
    assertRefused(
        withStatement("{\"Effect\":\"Allow\",\"Action\":\"GetTable\",\"Resource\":\"*\"}"),
        "Statement.Action",
        "\"GetTable\" is not an action");
    assertRefused(
        withStatement("{\"Effect\":\"Allow\",\"Action\":[],\"Resource\":\"*\"}"),
        "Statement.Action",
        "non-empty array");
    assertRefused(
        withStatement("{\"Effect\":\"Allow\",\"Action\":[\"s3:*\",7],\"Resource\":\"*\"}"),
        "Statement.Action",
        "must be a string or an array of strings");
  }

  @Test
  void resourcesMustBeArnsOrAnAsterisk() {
    assertRefused(
        withStatement("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"my-bucket/*\"}"),
        "Statement.Resource",
        "\"my-bucket/*\" is neither \"*\" nor an ARN");
    assertRefused(
        withStatement("{\"Effect\":\"Allow\",\"Action\":\"*\",\"NotResource\":\"arn:aws:s3\"}"),
        "Statement.NotResource",
        "neither \"*\" nor an ARN");
  }

  @Test
  void principalsBelongToResourcePoliciesNotToFloesIdentityPolicies() {
    assertRefused(
        withStatement(
            "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}"),
        "Statement.Principal",
        "identity policies");
  }

  @Test
  void statementIdsMustBeUnique() {
    assertRefused(
        withStatement(
            "[{\"Sid\":\"A\",\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
                + "{\"Sid\":\"A\",\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]"),
        "Statement[1].Sid",
        "\"A\" is used by another statement");
  }

  @Test
  void unknownConditionOperatorsAreNamed() {
    assertRefused(
        withStatement(
            "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringEqual\":{\"aws:username\":\"a\"}}}"),
        "Statement.Condition.StringEqual.aws:username",
        "unknown condition operator \"StringEqual\"");
    assertRefused(
        withStatement(
            "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"ForEveryValue:StringEquals\":{\"k\":\"a\"}}}"),
        "Statement.Condition.ForEveryValue:StringEquals.k",
        "unknown condition operator");
  }

  @Test
  void nullTakesNeitherIfExistsNorASetQualifier() {
    assertRefused(
        withStatement(
            "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"NullIfExists\":{\"k\":\"true\"}}}"),
        "Statement.Condition.NullIfExists.k",
        "Null takes neither IfExists nor a set qualifier");
    assertRefused(
        withStatement(
            "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"Null\":{\"k\":\"maybe\"}}}"),
        "Statement.Condition.Null.k",
        "Null takes true or false");
  }

  @Test
  void conditionValuesMustSuitTheirOperator() {
    String template =
        "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"%s\":{\"k\":%s}}}";
    assertRefused(
        withStatement(String.format(template, "NumericEquals", "\"ten\"")),
        "Statement.Condition.NumericEquals.k",
        "\"ten\" is not a number");
    assertRefused(
        withStatement(String.format(template, "DateLessThan", "\"yesterday\"")),
        "Statement.Condition.DateLessThan.k",
        "is not a date");
    assertRefused(
        withStatement(String.format(template, "Bool", "\"yes\"")),
        "Statement.Condition.Bool.k",
        "is not true or false");
    assertRefused(
        withStatement(String.format(template, "IpAddress", "\"10.0.0.0/33\"")),
        "Statement.Condition.IpAddress.k",
        "is not an IP address or CIDR block");
    assertRefused(
        withStatement(String.format(template, "IpAddress", "\"example.com\"")),
        "Statement.Condition.IpAddress.k",
        "is not an IP address");
    assertRefused(
        withStatement(String.format(template, "BinaryEquals", "\"%%%\"")),
        "Statement.Condition.BinaryEquals.k",
        "is not base64");
    assertRefused(
        withStatement(String.format(template, "ArnLike", "\"bucket/x\"")),
        "Statement.Condition.ArnLike.k",
        "nor an ARN");
    assertRefused(
        withStatement(String.format(template, "StringEquals", "[]")),
        "Statement.Condition.StringEquals.k",
        "needs at least one value");
    assertRefused(
        withStatement(String.format(template, "StringEquals", "{\"a\":1}")),
        "Statement.Condition.StringEquals.k",
        "must be a string, number or boolean");
    assertRefused(
        withStatement(String.format(template, "StringEquals", "null")),
        "Statement.Condition.StringEquals.k",
        "must be a string, number or boolean");
  }

  @Test
  void conditionBlocksMustHoldKeys() {
    assertRefused(
        withStatement(
            "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{}}}"),
        "Statement.Condition.StringEquals",
        "non-empty object");
    assertRefused(
        withStatement(
            "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":[]}"),
        "Statement.Condition",
        "must be an object");
  }

  @Test
  void malformedPolicyVariablesAreRefused() {
    assertRefused(
        withStatement(
            "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::home/${aws:username/*\"}"),
        "Statement.Resource",
        "unterminated policy variable");
    assertRefused(
        withStatement(
            "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::home/${}/*\"}"),
        "Statement.Resource",
        "invalid policy variable");
    assertRefused(
        withStatement(
            "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::home/${aws:username,"
                + " guest}/*\"}"),
        "Statement.Resource",
        "default must be quoted");
  }
}
