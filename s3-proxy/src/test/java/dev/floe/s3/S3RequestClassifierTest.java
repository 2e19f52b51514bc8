package dev.floe.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class S3RequestClassifierTest {

  private static S3Request classify(String method, String bucket, String key, String query,
      Map<String, String> headers) throws S3ErrorException {
    return S3RequestClassifier.classify(method, new S3Address(bucket, key),
        S3QueryString.parse(query), headers);
  }

  @ParameterizedTest(name = "{0} /{1}/{2}?{3} is {4}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "GET    | -      | -   | -                          | ListBuckets",
        "PUT    | b-1    | -   | -                          | CreateBucket",
        "HEAD   | b-1    | -   | -                          | HeadBucket",
        "DELETE | b-1    | -   | -                          | DeleteBucket",
        "GET    | b-1    | -   | -                          | ListObjects",
        "GET    | b-1    | -   | list-type=2&prefix=a       | ListObjectsV2",
        "GET    | b-1    | -   | location                   | GetBucketLocation",
        "GET    | b-1    | -   | uploads                    | ListMultipartUploads",
        "GET    | b-1    | -   | versions                   | ListObjectVersions",
        "GET    | b-1    | -   | versioning                 | GetBucketVersioning",
        "GET    | b-1    | -   | metrics                    | ListBucketMetricsConfigurations",
        "GET    | b-1    | -   | metrics&id=m               | GetBucketMetricsConfiguration",
        "PUT    | b-1    | -   | lifecycle                  | PutBucketLifecycleConfiguration",
        "GET    | b-1    | -   | lifecycle                  | GetBucketLifecycleConfiguration",
        "DELETE | b-1    | -   | lifecycle                  | DeleteBucketLifecycle",
        "PUT    | b-1    | -   | policy                     | PutBucketPolicy",
        "DELETE | b-1    | -   | tagging                    | DeleteBucketTagging",
        "POST   | b-1    | -   | delete                     | DeleteObjects",
        "GET    | b-1    | a/b | -                          | GetObject",
        "HEAD   | b-1    | a/b | -                          | HeadObject",
        "PUT    | b-1    | a/b | -                          | PutObject",
        "DELETE | b-1    | a/b | -                          | DeleteObject",
        "GET    | b-1    | a/b | tagging                    | GetObjectTagging",
        "PUT    | b-1    | a/b | tagging                    | PutObjectTagging",
        "DELETE | b-1    | a/b | tagging                    | DeleteObjectTagging",
        "GET    | b-1    | a/b | attributes                 | GetObjectAttributes",
        "PUT    | b-1    | a/b | acl                        | PutObjectAcl",
        "POST   | b-1    | a/b | uploads                    | CreateMultipartUpload",
        "PUT    | b-1    | a/b | partNumber=1&uploadId=u    | UploadPart",
        "GET    | b-1    | a/b | uploadId=u                 | ListParts",
        "POST   | b-1    | a/b | uploadId=u                 | CompleteMultipartUpload",
        "DELETE | b-1    | a/b | uploadId=u                 | AbortMultipartUpload",
        "POST   | b-1    | a/b | restore                    | RestoreObject",
        "POST   | b-1    | a/b | select&select-type=2       | SelectObjectContent",
      })
  @DisplayName("method, address and sub-resource select the operation")
  void operations(String method, String bucket, String key, String query, S3Operation expected)
      throws S3ErrorException {
    S3Request request = classify(method, bucket == null ? "" : bucket, key == null ? "" : key,
        query, Map.of());

    assertThat(request.operation()).isEqualTo(expected);
  }

  @Test
  @DisplayName("a PUT with x-amz-copy-source is a copy, and the source is decoded")
  void copies() throws S3ErrorException {
    S3Request copy = classify("PUT", "target", "dst", "",
        Map.of("x-amz-copy-source", "/source-bucket/dir/a%20b%2Bc?versionId=v1"));
    S3Request partCopy = classify("PUT", "target", "dst", "partNumber=2&uploadId=u",
        Map.of("x-amz-copy-source", "source-bucket/k"));

    assertThat(copy.operation()).isEqualTo(S3Operation.CopyObject);
    assertThat(copy.copySource()).hasValueSatisfying(source -> {
      assertThat(source.bucket()).isEqualTo("source-bucket");
      assertThat(source.key()).isEqualTo("dir/a b+c");
      assertThat(source.versionId()).contains("v1");
    });
    assertThat(partCopy.operation()).isEqualTo(S3Operation.UploadPartCopy);
  }

  @Test
  @DisplayName("a PostObject browser upload is recognised by its form content type")
  void postObject() throws S3ErrorException {
    assertThat(classify("POST", "b-1", "", "",
        Map.of("content-type", "multipart/form-data; boundary=x")).operation())
        .isEqualTo(S3Operation.PostObject);
  }

  @ParameterizedTest(name = "{0} /{1}/{2}?{3}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "PUT    | -   | -   | -",
        "DELETE | -   | -   | -",
        "POST   | b-1 | -   | -",
        "POST   | b-1 | k   | -",
        "PATCH  | b-1 | k   | -",
        "OPTIONS| b-1 | -   | -",
      })
  @DisplayName("requests that are no S3 operation are 405 MethodNotAllowed")
  void notAnOperation(String method, String bucket, String key, String query) {
    S3ErrorException refused = catchThrowableOfType(S3ErrorException.class,
        () -> classify(method, bucket == null ? "" : bucket, key == null ? "" : key, query,
            Map.of()));

    assertThat(refused.error().status()).isEqualTo(405);
    assertThat(refused.error().code()).isEqualTo("MethodNotAllowed");
  }

  @Test
  @DisplayName("a copy source that names no key, or sits on another operation, is refused")
  void badCopySources() {
    S3ErrorException noKey = catchThrowableOfType(S3ErrorException.class,
        () -> classify("PUT", "b-1", "k", "", Map.of("x-amz-copy-source", "only-bucket")));
    S3ErrorException onGet = catchThrowableOfType(S3ErrorException.class,
        () -> classify("GET", "b-1", "k", "", Map.of("x-amz-copy-source", "src-bucket/k")));

    assertThat(noKey.error().code()).isEqualTo("InvalidArgument");
    assertThat(onGet.error().code()).isEqualTo("InvalidArgument");
  }
}
