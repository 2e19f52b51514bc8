package dev.floe.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class S3QueryStringTest {

  @Test
  @DisplayName("parameters are decoded, valueless sub-resources stay valueless when re-encoded")
  void roundTrip() throws S3ErrorException {
    S3QueryString query =
        S3QueryString.parse("uploads&prefix=a%20b%2Bc&continuation-token=ab%2B%2F%3D&empty=");

    assertThat(query.asMap())
        .containsEntry("uploads", "")
        .containsEntry("prefix", "a b+c")
        .containsEntry("continuation-token", "ab+/=")
        .containsEntry("empty", "");
    assertThat(query.encoded())
        .isEqualTo("uploads&prefix=a%20b%2Bc&continuation-token=ab%2B%2F%3D&empty=");
  }

  @Test
  @DisplayName("a presigned URL's authentication parameters are never forwarded")
  void presignedAuthenticationIsDropped() throws S3ErrorException {
    S3QueryString query = S3QueryString.parse("X-Amz-Algorithm=AWS4-HMAC-SHA256"
        + "&X-Amz-Credential=k%2F20261122%2Fus-east-1%2Fs3%2Faws4_request"
        + "&X-Amz-Date=20261122T000000Z"
        + "&X-Amz-Expires=60&X-Amz-SignedHeaders=host&X-Amz-Signature=abc"
        + "&x-amz-security-token=t&versionId=v1&x-id=GetObject");

    assertThat(query.withoutPresignedAuth().encoded()).isEqualTo("versionId=v1&x-id=GetObject");
  }
}
