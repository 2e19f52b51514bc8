package dev.floe.auth.policy;

import static dev.floe.auth.policy.TestPolicies.conditionHolds;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every condition operator family with a matching, a non-matching, an {@code IfExists} and an
 * absent-key case.
 */
class ConditionOperatorsTest {

  private static final String SOURCE = "arn:aws:s3tables:::bucket/wh/table/sales/orders";

  private static final String NOW = "2026-11-22T10:00:00Z";

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
  void stringEqualsIsExactAndCaseSensitive() {
    String condition = "{\"StringEquals\":{\"aws:username\":\"alice\"}}";

    assertThat(holds(condition, "aws:username", "alice")).isTrue();
    assertThat(holds(condition, "aws:username", "Alice")).isFalse();
    assertThat(holds(condition, "aws:username", "alice2")).isFalse();
    assertThat(holdsWithoutKeys(condition)).isFalse();
  }

  @Test
  void stringNotEqualsHoldsWhenTheValueIsNoneOfThem() {
    String condition = "{\"StringNotEquals\":{\"s3tables:namespace\":[\"hr\",\"finance\"]}}";

    assertThat(holds(condition, "s3tables:namespace", "sales")).isTrue();
    assertThat(holds(condition, "s3tables:namespace", "hr")).isFalse();
    assertThat(holds(condition, "s3tables:namespace", "finance")).isFalse();
    assertThat(holdsWithoutKeys(condition)).isTrue();
  }

  @Test
  void stringEqualsIgnoreCaseAndItsNegation() {
    assertThat(
            holds(
                "{\"StringEqualsIgnoreCase\":{\"aws:username\":\"ALICE\"}}",
                "aws:username",
                "alice"))
        .isTrue();
    assertThat(
            holds(
                "{\"StringEqualsIgnoreCase\":{\"aws:username\":\"ALICE\"}}", "aws:username", "bob"))
        .isFalse();
    assertThat(holdsWithoutKeys("{\"StringEqualsIgnoreCase\":{\"aws:username\":\"ALICE\"}}"))
        .isFalse();
    assertThat(
            holds(
                "{\"StringNotEqualsIgnoreCase\":{\"aws:username\":\"ALICE\"}}",
                "aws:username",
                "alice"))
        .isFalse();
    assertThat(
            holds(
                "{\"StringNotEqualsIgnoreCase\":{\"aws:username\":\"ALICE\"}}",
                "aws:username",
                "bob"))
        .isTrue();
    assertThat(holdsWithoutKeys("{\"StringNotEqualsIgnoreCase\":{\"aws:username\":\"ALICE\"}}"))
        .isTrue();
  }

  @Test
  void stringLikeTakesWildcardsAndIsCaseSensitive() {
    String condition = "{\"StringLike\":{\"s3:prefix\":[\"home/*\",\"tmp/??/\"]}}";

    assertThat(holds(condition, "s3:prefix", "home/alice/docs/")).isTrue();
    assertThat(holds(condition, "s3:prefix", "tmp/ab/")).isTrue();
    assertThat(holds(condition, "s3:prefix", "tmp/abc/")).isFalse();
    assertThat(holds(condition, "s3:prefix", "Home/alice/")).isFalse();
    assertThat(holdsWithoutKeys(condition)).isFalse();
  }

  @Test
  void stringNotLikeHoldsWhenNoPatternMatches() {
    String condition = "{\"StringNotLike\":{\"s3tables:tableName\":\"tmp_*\"}}";

    assertThat(holds(condition, "s3tables:tableName", "orders")).isTrue();
    assertThat(holds(condition, "s3tables:tableName", "tmp_orders")).isFalse();
    assertThat(holdsWithoutKeys(condition)).isTrue();
  }

  @Test
  void conditionKeyNamesAreCaseInsensitiveButValuesAreNot() {
    assertThat(holds("{\"StringEquals\":{\"AWS:UserName\":\"alice\"}}", "aws:username", "alice"))
        .isTrue();
    assertThat(holds("{\"StringEquals\":{\"aws:username\":\"alice\"}}", "AWS:USERNAME", "alice"))
        .isTrue();
  }

  @Test
  void stringEqualsIfExistsHoldsWhenTheKeyIsAbsent() {
    String condition = "{\"StringEqualsIfExists\":{\"s3tables:namespace\":\"sales\"}}";

    assertThat(holdsWithoutKeys(condition)).isTrue();
    assertThat(holds(condition, "s3tables:namespace", "sales")).isTrue();
    assertThat(holds(condition, "s3tables:namespace", "hr")).isFalse();
  }

  @Test
  void aKeyWithNoValuesCountsAsAbsent() {
    assertThat(holds("{\"StringEquals\":{\"s3:prefix\":\"\"}}", Map.of("s3:prefix", List.of())))
        .isFalse();
    assertThat(
            holds(
                "{\"StringEqualsIfExists\":{\"s3:prefix\":\"x\"}}", Map.of("s3:prefix", List.of())))
        .isTrue();
    assertThat(holds("{\"StringEquals\":{\"s3:prefix\":\"\"}}", "s3:prefix", "")).isTrue();
  }

  @Test
  void numericEqualsAndNotEqualsCompareNumbersNotText() {
    assertThat(holds("{\"NumericEquals\":{\"s3:max-keys\":\"10\"}}", "s3:max-keys", "10.0"))
        .isTrue();
    assertThat(holds("{\"NumericEquals\":{\"s3:max-keys\":10}}", "s3:max-keys", "11")).isFalse();
    assertThat(holdsWithoutKeys("{\"NumericEquals\":{\"s3:max-keys\":10}}")).isFalse();
    assertThat(holds("{\"NumericNotEquals\":{\"s3:max-keys\":10}}", "s3:max-keys", "11")).isTrue();
    assertThat(holds("{\"NumericNotEquals\":{\"s3:max-keys\":10}}", "s3:max-keys", "10")).isFalse();
    assertThat(holdsWithoutKeys("{\"NumericNotEquals\":{\"s3:max-keys\":10}}")).isTrue();
  }

  @Test
  void numericOrderingOperators() {
    assertThat(holds("{\"NumericLessThan\":{\"s3:max-keys\":100}}", "s3:max-keys", "99")).isTrue();
    assertThat(holds("{\"NumericLessThan\":{\"s3:max-keys\":100}}", "s3:max-keys", "100"))
        .isFalse();
    assertThat(holds("{\"NumericLessThanEquals\":{\"s3:max-keys\":100}}", "s3:max-keys", "100"))
        .isTrue();
    assertThat(holds("{\"NumericLessThanEquals\":{\"s3:max-keys\":100}}", "s3:max-keys", "100.5"))
        .isFalse();
    assertThat(holds("{\"NumericGreaterThan\":{\"s3:max-keys\":1.5}}", "s3:max-keys", "2"))
        .isTrue();
    assertThat(holds("{\"NumericGreaterThan\":{\"s3:max-keys\":1.5}}", "s3:max-keys", "1.5"))
        .isFalse();
    assertThat(holds("{\"NumericGreaterThanEquals\":{\"s3:max-keys\":-3}}", "s3:max-keys", "-3"))
        .isTrue();
    assertThat(holds("{\"NumericGreaterThanEquals\":{\"s3:max-keys\":-3}}", "s3:max-keys", "-4"))
        .isFalse();
    assertThat(holdsWithoutKeys("{\"NumericGreaterThanEquals\":{\"s3:max-keys\":-3}}")).isFalse();
  }

  @Test
  void aRequestValueThatIsNotANumberMatchesNothing() {
    assertThat(holds("{\"NumericLessThan\":{\"s3:max-keys\":100}}", "s3:max-keys", "many"))
        .isFalse();
  }

  @Test
  void numericIfExists() {
    assertThat(holdsWithoutKeys("{\"NumericLessThanIfExists\":{\"s3:max-keys\":100}}")).isTrue();
    assertThat(holds("{\"NumericLessThanIfExists\":{\"s3:max-keys\":100}}", "s3:max-keys", "500"))
        .isFalse();
  }

  @Test
  void dateEqualsAndNotEqualsCompareInstantsWhateverTheirForm() {
    assertThat(
            holds(
                "{\"DateEquals\":{\"aws:CurrentTime\":\"2026-11-22T11:00:00+01:00\"}}",
                "aws:CurrentTime",
                NOW))
        .isTrue();
    assertThat(
            holds("{\"DateEquals\":{\"aws:CurrentTime\":\"1795341600\"}}", "aws:CurrentTime", NOW))
        .isTrue();
    assertThat(
            holds("{\"DateEquals\":{\"aws:CurrentTime\":\"2026-11-22\"}}", "aws:CurrentTime", NOW))
        .isFalse();
    assertThat(holdsWithoutKeys("{\"DateEquals\":{\"aws:CurrentTime\":\"2026-11-22\"}}")).isFalse();
    assertThat(
            holds(
                "{\"DateNotEquals\":{\"aws:CurrentTime\":\"2026-11-22\"}}", "aws:CurrentTime", NOW))
        .isTrue();
    assertThat(
            holds(
                "{\"DateNotEquals\":{\"aws:CurrentTime\":\"2026-11-22T10:00:00.000Z\"}}",
                "aws:CurrentTime",
                NOW))
        .isFalse();
    assertThat(holdsWithoutKeys("{\"DateNotEquals\":{\"aws:CurrentTime\":\"2026-11-22\"}}"))
        .isTrue();
  }

  @Test
  void dateOrderingOperatorsBoundAccessInTime() {
    String before = "{\"DateLessThan\":{\"aws:CurrentTime\":\"2027-01-01T00:00:00Z\"}}";
    String after = "{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2026-12-01\"}}";

    assertThat(holds(before, "aws:CurrentTime", NOW)).isTrue();
    assertThat(holds(before, "aws:CurrentTime", "2027-01-01T00:00:00Z")).isFalse();
    assertThat(holds(after, "aws:CurrentTime", NOW)).isFalse();
    assertThat(holds(after, "aws:CurrentTime", "2026-12-01T00:00:01Z")).isTrue();
    assertThat(
            holds(
                "{\"DateLessThanEquals\":{\"aws:CurrentTime\":\"" + NOW + "\"}}",
                "aws:CurrentTime",
                NOW))
        .isTrue();
    assertThat(
            holds(
                "{\"DateGreaterThanEquals\":{\"aws:CurrentTime\":\"" + NOW + "\"}}",
                "aws:CurrentTime",
                "2026-11-22T09:59:59Z"))
        .isFalse();
    assertThat(holdsWithoutKeys(before)).isFalse();
  }

  @Test
  void epochSecondsWorkInTheRequestToo() {
    assertThat(
            holds(
                "{\"DateGreaterThan\":{\"aws:EpochTime\":\"2026-11-22T09:00:00Z\"}}",
                "aws:EpochTime",
                "1795341600"))
        .isTrue();
  }

  @Test
  void dateIfExists() {
    assertThat(holdsWithoutKeys("{\"DateLessThanIfExists\":{\"aws:CurrentTime\":\"2020-01-01\"}}"))
        .isTrue();
    assertThat(
            holds(
                "{\"DateLessThanIfExists\":{\"aws:CurrentTime\":\"2020-01-01\"}}",
                "aws:CurrentTime",
                NOW))
        .isFalse();
  }

  @Test
  void boolComparesTrueAndFalseWhateverTheirCaseOrJsonType() {
    assertThat(
            holds("{\"Bool\":{\"aws:SecureTransport\":\"true\"}}", "aws:SecureTransport", "true"))
        .isTrue();
    assertThat(holds("{\"Bool\":{\"aws:SecureTransport\":true}}", "aws:SecureTransport", "TRUE"))
        .isTrue();
    assertThat(
            holds("{\"Bool\":{\"aws:SecureTransport\":\"true\"}}", "aws:SecureTransport", "false"))
        .isFalse();
    assertThat(holdsWithoutKeys("{\"Bool\":{\"aws:SecureTransport\":\"false\"}}")).isFalse();
  }

  @Test
  void boolIfExistsHoldsWhenTheKeyIsAbsent() {
    assertThat(holdsWithoutKeys("{\"BoolIfExists\":{\"aws:SecureTransport\":\"true\"}}")).isTrue();
    assertThat(
            holds(
                "{\"BoolIfExists\":{\"aws:SecureTransport\":\"true\"}}",
                "aws:SecureTransport",
                "false"))
        .isFalse();
  }

  @Test
  void binaryEqualsComparesTheDecodedBytes() {
    String condition = "{\"BinaryEquals\":{\"floe:checksum\":\"QmluYXJ5VmFsdWU=\"}}";

    assertThat(holds(condition, "floe:checksum", "QmluYXJ5VmFsdWU=")).isTrue();
    assertThat(holds(condition, "floe:checksum", "QmluYXJ5VmFsdWF=")).isFalse();
    assertThat(holds(condition, "floe:checksum", "not base64!")).isFalse();
    assertThat(holdsWithoutKeys(condition)).isFalse();
    assertThat(
            holdsWithoutKeys("{\"BinaryEqualsIfExists\":{\"floe:checksum\":\"QmluYXJ5VmFsdWU=\"}}"))
        .isTrue();
  }

  @Test
  void ipAddressMatchesIpv4CidrBlocksAndSingleAddresses() {
    String condition = "{\"IpAddress\":{\"aws:SourceIp\":[\"203.0.113.0/24\",\"198.51.100.7\"]}}";

    assertThat(holds(condition, "aws:SourceIp", "203.0.113.200")).isTrue();
    assertThat(holds(condition, "aws:SourceIp", "198.51.100.7")).isTrue();
    assertThat(holds(condition, "aws:SourceIp", "203.0.114.1")).isFalse();
    assertThat(holds(condition, "aws:SourceIp", "198.51.100.8")).isFalse();
    assertThat(holdsWithoutKeys(condition)).isFalse();
  }

  @Test
  void ipAddressMatchesIpv6CidrBlocks() {
    String condition = "{\"IpAddress\":{\"aws:SourceIp\":\"2001:db8:1234::/48\"}}";

    assertThat(holds(condition, "aws:SourceIp", "2001:db8:1234:ffff::1")).isTrue();
    assertThat(holds(condition, "aws:SourceIp", "2001:db8:1235::1")).isFalse();
    assertThat(holds(condition, "aws:SourceIp", "203.0.113.1")).isFalse();
  }

  @Test
  void prefixesThatAreNotWholeBytesAndTheExtremes() {
    assertThat(
            holds(
                "{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/9\"}}",
                "aws:SourceIp",
                "10.127.255.255"))
        .isTrue();
    assertThat(
            holds(
                "{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/9\"}}", "aws:SourceIp", "10.128.0.0"))
        .isFalse();
    assertThat(
            holds("{\"IpAddress\":{\"aws:SourceIp\":\"0.0.0.0/0\"}}", "aws:SourceIp", "192.0.2.1"))
        .isTrue();
    assertThat(holds("{\"IpAddress\":{\"aws:SourceIp\":\"::/0\"}}", "aws:SourceIp", "::1"))
        .isTrue();
  }

  @Test
  void anIpv4MappedIpv6AddressIsItsIpv4Address() {
    assertThat(
            holds(
                "{\"IpAddress\":{\"aws:SourceIp\":\"127.0.0.0/8\"}}",
                "aws:SourceIp",
                "::ffff:127.0.0.1"))
        .isTrue();
  }

  @Test
  void aRequestValueThatIsNotAnAddressMatchesNothing() {
    assertThat(
            holds("{\"IpAddress\":{\"aws:SourceIp\":\"0.0.0.0/0\"}}", "aws:SourceIp", "localhost"))
        .isFalse();
    assertThat(holds("{\"IpAddress\":{\"aws:SourceIp\":\"0.0.0.0/0\"}}", "aws:SourceIp", "1.2.3"))
        .isFalse();
    assertThat(holds("{\"IpAddress\":{\"aws:SourceIp\":\"::/0\"}}", "aws:SourceIp", "fe80::1%eth0"))
        .isFalse();
  }

  @Test
  void notIpAddressHoldsOutsideEveryBlock() {
    String condition = "{\"NotIpAddress\":{\"aws:SourceIp\":[\"10.0.0.0/8\",\"fd00::/8\"]}}";

    assertThat(holds(condition, "aws:SourceIp", "192.0.2.1")).isTrue();
    assertThat(holds(condition, "aws:SourceIp", "10.1.2.3")).isFalse();
    assertThat(holds(condition, "aws:SourceIp", "fd12::1")).isFalse();
    assertThat(holdsWithoutKeys(condition)).isTrue();
  }

  @Test
  void ipAddressIfExists() {
    assertThat(holdsWithoutKeys("{\"IpAddressIfExists\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}"))
        .isTrue();
    assertThat(
            holds(
                "{\"IpAddressIfExists\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}",
                "aws:SourceIp",
                "192.0.2.1"))
        .isFalse();
  }

  @Test
  void arnEqualsAndArnLikeBothTakeWildcards() {
    assertThat(
            holds(
                "{\"ArnEquals\":{\"aws:SourceArn\":\"" + SOURCE + "\"}}", "aws:SourceArn", SOURCE))
        .isTrue();
    assertThat(
            holds(
                "{\"ArnEquals\":{\"aws:SourceArn\":\"arn:aws:s3tables:::bucket/wh/*\"}}",
                "aws:SourceArn",
                SOURCE))
        .isTrue();
    assertThat(
            holds(
                "{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:s3tables:::bucket/wh/*\"}}",
                "aws:SourceArn",
                SOURCE))
        .isTrue();
    assertThat(
            holds(
                "{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:s3tables:::bucket/other/*\"}}",
                "aws:SourceArn",
                SOURCE))
        .isFalse();
    assertThat(
            holds(
                "{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:s3tables:::bucket/wh/*\"}}",
                "aws:SourceArn",
                "wh"))
        .isFalse();
    assertThat(
            holdsWithoutKeys(
                "{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:s3tables:::bucket/wh/*\"}}"))
        .isFalse();
  }

  @Test
  void arnOperatorsIgnoreRegionAndAccountLikeResources() {
    assertThat(
            holds(
                "{\"ArnEquals\":{\"aws:SourceArn\":\"arn:aws:s3tables:us-east-1:123456789012:bucket/wh/table/sales/orders\"}}",
                "aws:SourceArn",
                SOURCE))
        .isTrue();
  }

  @Test
  void negatedArnOperators() {
    assertThat(
            holds(
                "{\"ArnNotEquals\":{\"aws:SourceArn\":\"" + SOURCE + "\"}}",
                "aws:SourceArn",
                SOURCE))
        .isFalse();
    assertThat(
            holds(
                "{\"ArnNotLike\":{\"aws:SourceArn\":\"arn:aws:s3tables:::bucket/x/*\"}}",
                "aws:SourceArn",
                SOURCE))
        .isTrue();
    assertThat(
            holdsWithoutKeys(
                "{\"ArnNotLike\":{\"aws:SourceArn\":\"arn:aws:s3tables:::bucket/x/*\"}}"))
        .isTrue();
    assertThat(holdsWithoutKeys("{\"ArnNotEquals\":{\"aws:SourceArn\":\"" + SOURCE + "\"}}"))
        .isTrue();
  }

  @Test
  void arnLikeIfExists() {
    assertThat(
            holdsWithoutKeys(
                "{\"ArnLikeIfExists\":{\"aws:SourceArn\":\"arn:aws:s3tables:::bucket/x/*\"}}"))
        .isTrue();
    assertThat(
            holds(
                "{\"ArnLikeIfExists\":{\"aws:SourceArn\":\"arn:aws:s3tables:::bucket/x/*\"}}",
                "aws:SourceArn",
                SOURCE))
        .isFalse();
  }

  @Test
  void nullTrueHoldsExactlyWhenTheKeyIsAbsent() {
    assertThat(holdsWithoutKeys("{\"Null\":{\"s3tables:namespace\":\"true\"}}")).isTrue();
    assertThat(holds("{\"Null\":{\"s3tables:namespace\":\"true\"}}", "s3tables:namespace", "sales"))
        .isFalse();
    assertThat(
            holds(
                "{\"Null\":{\"s3tables:namespace\":true}}",
                Map.of("s3tables:namespace", List.of())))
        .isTrue();
  }

  @Test
  void nullFalseHoldsExactlyWhenTheKeyIsPresent() {
    assertThat(
            holds("{\"Null\":{\"s3tables:namespace\":\"false\"}}", "s3tables:namespace", "sales"))
        .isTrue();
    assertThat(holdsWithoutKeys("{\"Null\":{\"s3tables:namespace\":\"false\"}}")).isFalse();
  }
}
