package dev.floe.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The canonical URI and query rules, one at a time. */
class CanonicalFormsTest {

  @Test
  void s3PathsAreEncodedOnceAndNeverNormalized() {
    assertThat(CanonicalUri.forS3("/bucket/a//b/../c/./d")).isEqualTo("/bucket/a//b/../c/./d");
    assertThat(CanonicalUri.forS3("/bucket/my%20key+x")).isEqualTo("/bucket/my%20key%2Bx");
    assertThat(CanonicalUri.forS3("/bucket/my key")).isEqualTo("/bucket/my%20key");
    assertThat(CanonicalUri.forS3("/bucket/%7Etilde%2fslash")).isEqualTo("/bucket/~tilde%2Fslash");
    assertThat(CanonicalUri.forS3("/bucket/caf%C3%A9")).isEqualTo("/bucket/caf%C3%A9");
    assertThat(CanonicalUri.forS3("/bucket/café")).isEqualTo("/bucket/caf%C3%A9");
    assertThat(CanonicalUri.forS3("/bucket/100%")).isEqualTo("/bucket/100%25");
    assertThat(CanonicalUri.forS3("")).isEqualTo("/");
  }

  @Test
  void servicePathsAreNormalizedAndEncodedTwice() {
    assertThat(CanonicalUri.forService("/v1/namespaces/a%1Fb/tables"))
        .isEqualTo("/v1/namespaces/a%251Fb/tables");
    assertThat(CanonicalUri.forService("/a/./b/../c//d/")).isEqualTo("/a/c/d/");
    assertThat(CanonicalUri.forService("/a b")).isEqualTo("/a%20b");
    assertThat(CanonicalUri.forService("/")).isEqualTo("/");
    assertThat(CanonicalUri.forService("/..")).isEqualTo("/");
  }

  @Test
  void queriesAreDecodedReEncodedAndSorted() {
    assertThat(QueryString.parse("b=2&a=&c").canonical()).isEqualTo("a=&b=2&c=");
    assertThat(QueryString.parse("prefix=a+b%2Bc%20d").canonical())
        .isEqualTo("prefix=a%20b%2Bc%20d");
    assertThat(QueryString.parse("x=%7e%2f/").canonical()).isEqualTo("x=~%2F%2F");
    assertThat(QueryString.parse("a=2&a=10&a=1").canonical()).isEqualTo("a=1&a=10&a=2");
    assertThat(QueryString.parse("k=%E6%97%A5").canonical()).isEqualTo("k=%E6%97%A5");
    assertThat(QueryString.parse("").canonical()).isEmpty();
    assertThat(QueryString.parse("&&a=1&").canonical()).isEqualTo("a=1");
  }

  @Test
  void theSignatureOfAPresignedUrlIsLeftOutOfItsCanonicalQuery() {
    QueryString query = QueryString.parse("X-Amz-Signature=abc&X-Amz-Date=1&uploads");

    assertThat(query.canonicalWithout(PresignedQuery.SIGNATURE)).isEqualTo("X-Amz-Date=1&uploads=");
    assertThat(query.first("X-Amz-Signature")).hasValue("abc");
  }
}
