package dev.floe.s3;

import java.util.Optional;

/**
 * The object a CopyObject or UploadPartCopy reads from, decoded from {@code x-amz-copy-source}.
 *
 * @param bucket the source bucket
 * @param key the source key, decoded
 * @param versionId the source version, when the header names one
 */
public record S3CopySource(String bucket, String key, Optional<String> versionId) {

  /** Parses {@code [/]bucket/key[?versionId=id]} with the key percent-encoded. */
  static S3CopySource parse(String header) throws S3ErrorException {
    String value = header.startsWith("/") ? header.substring(1) : header;
    Optional<String> versionId = Optional.empty();
    int question = value.indexOf('?');
    if (question >= 0) {
      String query = value.substring(question + 1);
      value = value.substring(0, question);
      if (!query.startsWith("versionId=") || query.length() == "versionId=".length()) {
        throw invalid();
      }
      versionId = Optional.of(PercentCoding.decode(query.substring("versionId=".length())));
    }
    int slash = value.indexOf('/');
    if (slash <= 0 || slash == value.length() - 1) {
      throw invalid();
    }
    String bucket = PercentCoding.decode(value.substring(0, slash));
    if (!BucketNames.isValid(bucket)) {
      throw invalid();
    }
    return new S3CopySource(bucket, PercentCoding.decode(value.substring(slash + 1)), versionId);
  }

  private static S3ErrorException invalid() {
    return new S3ErrorException(
        S3Error.invalidArgument(
            "Copy Source must mention the source bucket and key: sourcebucket/sourcekey."));
  }
}
