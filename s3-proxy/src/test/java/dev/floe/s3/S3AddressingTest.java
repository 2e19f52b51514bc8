package dev.floe.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class S3AddressingTest {

  private final S3Addressing pathStyle = new S3Addressing(Optional.empty());
  private final S3Addressing virtual = new S3Addressing(Optional.of("s3.example.test"));

  @ParameterizedTest(name = "{0} is bucket \"{1}\" key \"{2}\"")
  @CsvSource(
      delimiter = '|',
      emptyValue = "",
      value = {
        "/                        | ''      | ''",
        "/bucket                  | bucket  | ''",
        "/bucket/                 | bucket  | ''",
        "/bucket/a/b.txt          | bucket  | a/b.txt",
        "/bucket/a//b/../c        | bucket  | a//b/../c",
        "/bucket//leading         | bucket  | /leading",
        "/bucket/%2e%2e/x         | bucket  | ../x",
        "/bucket/a%2Fb            | bucket  | a/b",
        "/bucket/a+b%20c%25       | bucket  | a+b c%",
        "/bucket/%E9%94%AE        | bucket  | 键",
        "/bucket/semi;colon       | bucket  | semi;colon",
      })
  @DisplayName("path-style paths are decoded once and never normalized")
  void pathStyle(String rawPath, String bucket, String key) throws S3ErrorException {
    assertThat(pathStyle.resolve("127.0.0.1:9000", rawPath)).isEqualTo(new S3Address(bucket, key));
  }

  @Test
  @DisplayName("a host below the configured domain names the bucket")
  void virtualHosted() throws S3ErrorException {
    assertThat(virtual.resolve("photos.s3.example.test:9000", "/2024/a.jpg"))
        .isEqualTo(new S3Address("photos", "2024/a.jpg"));
    assertThat(virtual.resolve("my.dotted.bucket.S3.Example.Test", "/"))
        .isEqualTo(new S3Address("my.dotted.bucket", ""));
    assertThat(virtual.resolve("s3.example.test:9000", "/photos/a.jpg"))
        .isEqualTo(new S3Address("photos", "a.jpg"));
    assertThat(virtual.resolve("127.0.0.1:9000", "/photos/a.jpg"))
        .isEqualTo(new S3Address("photos", "a.jpg"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/UPPER/k, InvalidBucketName",
    "/ab/k, InvalidBucketName",
    "/../k, InvalidBucketName",
    "/.../k, InvalidBucketName",
    "/a..b/k, InvalidBucketName",
    "/bucket%2Fother/k, InvalidBucketName",
    "//bucket/k, InvalidURI",
    "/bucket/%zz, InvalidURI",
    "/bucket/%C3%28, InvalidURI",
    "/bucket/%E9%94, InvalidURI",
    "bucket/k, InvalidURI",
  })
  @DisplayName("invalid buckets and undecodable keys are refused")
  void refused(String rawPath, String code) {
    S3ErrorException refused = catchThrowableOfType(S3ErrorException.class,
        () -> pathStyle.resolve("localhost", rawPath));

    assertThat(refused.error().status()).isEqualTo(400);
    assertThat(refused.error().code()).isEqualTo(code);
  }

  @Test
  @DisplayName("keys over 1024 bytes of UTF-8 are refused")
  void keyTooLong() throws S3ErrorException {
    assertThat(pathStyle.resolve("h", "/bucket/" + "k".repeat(1024)).key()).hasSize(1024);
    S3ErrorException refused = catchThrowableOfType(S3ErrorException.class,
        () -> pathStyle.resolve("h", "/bucket/" + "%C3%A9".repeat(513)));
    assertThat(refused.error().code()).isEqualTo("KeyTooLongError");
  }
}
