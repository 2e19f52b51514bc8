package dev.floe.s3;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the bucket and key in a request: virtual-hosted style ({@code <bucket>.<domain>} in the
 * Host header) when a domain is configured and the host is below it, path-style otherwise. Keys
 * are percent-decoded exactly once and never normalized: {@code a//b/../c} is a legal S3 key.
 */
final class S3Addressing {

  private static final int MAX_KEY_BYTES = 1024;

  private final Optional<String> virtualHostDomain;

  S3Addressing(Optional<String> virtualHostDomain) {
    this.virtualHostDomain = virtualHostDomain;
  }

  S3Address resolve(String hostHeader, String rawPath) throws S3ErrorException {
    if (rawPath == null || !rawPath.startsWith("/")) {
      throw new S3ErrorException(S3Error.invalidUri("Couldn't parse the specified URI."));
    }
    Optional<String> virtualBucket = virtualHostBucket(hostHeader);
    String bucket;
    String rawKey;
    if (virtualBucket.isPresent()) {
      bucket = virtualBucket.get();
      rawKey = rawPath.substring(1);
    } else {
      String rest = rawPath.substring(1);
      int slash = rest.indexOf('/');
      bucket = PercentCoding.decode(slash < 0 ? rest : rest.substring(0, slash));
      rawKey = slash < 0 ? "" : rest.substring(slash + 1);
    }
    if (!bucket.isEmpty() && !BucketNames.isValid(bucket)) {
      throw new S3ErrorException(
          new S3Error(400, "InvalidBucketName", "The specified bucket is not valid."));
    }
    String key = PercentCoding.decode(rawKey);
    if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
      throw new S3ErrorException(
          new S3Error(400, "KeyTooLongError", "Your key is too long."));
    }
    if (bucket.isEmpty() && !key.isEmpty()) {
      throw new S3ErrorException(S3Error.invalidUri("Couldn't parse the specified URI."));
    }
    return new S3Address(bucket, key);
  }

  private Optional<String> virtualHostBucket(String hostHeader) {
    if (virtualHostDomain.isEmpty() || hostHeader == null) {
      return Optional.empty();
    }
    String host = withoutPort(hostHeader.trim()).toLowerCase(Locale.ROOT);
    String suffix = "." + virtualHostDomain.get();
    if (host.length() > suffix.length() && host.endsWith(suffix)) {
      return Optional.of(host.substring(0, host.length() - suffix.length()));
    }
    return Optional.empty();
  }

  private static String withoutPort(String host) {
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      return close < 0 ? host : host.substring(0, close + 1);
    }
    int colon = host.lastIndexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }
}
