package dev.floe.s3;

/**
 * The bucket and key a request addresses, decoded and never normalized.
 *
 * @param bucket the bucket, or empty for service-level requests such as ListBuckets
 * @param key the object key, or empty for bucket-level requests
 */
record S3Address(String bucket, String key) {

  boolean hasBucket() {
    return !bucket.isEmpty();
  }

  boolean hasKey() {
    return !key.isEmpty();
  }
}
