package dev.floe.s3;

import java.util.regex.Pattern;

/**
 * The S3 bucket naming rules. Floe enforces them before forwarding so that a bucket segment can
 * never be a dot-segment, contain a separator, or otherwise be read differently by the backend.
 */
final class BucketNames {

  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  private BucketNames() {}

  static boolean isValid(String bucket) {
    return VALID.matcher(bucket).matches() && !bucket.contains("..");
  }
}
