package dev.floe.auth.sigv4;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.StringJoiner;

/**
 * The canonical URI line of a canonical request. S3 and every other AWS service disagree here, and
 * a verifier must follow the signer of the service it answers for.
 */
final class CanonicalUri {

  private CanonicalUri() {}

  /**
   * S3: each path segment decoded, then encoded once, never normalized, because {@code a//b/../c}
   * is a legal object key and S3 signers sign it as it is. Working segment by segment keeps an
   * encoded slash ({@code %2F}) distinct from a path separator, as the client signed it.
   */
  static String forS3(String rawPath) {
    if (rawPath.isEmpty()) {
      return "/";
    }
    StringJoiner canonical = new StringJoiner("/");
    for (String segment : rawPath.split("/", -1)) {
      canonical.add(UriEncoding.encode(UriEncoding.decode(segment, false), false));
    }
    return canonical.toString();
  }

  /**
   * Every other service (the catalog signs as {@code s3tables}): dot segments and empty segments
   * removed, then the path as sent encoded again, so {@code %1F} becomes {@code %251F}.
   */
  static String forService(String rawPath) {
    return UriEncoding.encode(normalize(rawPath), true);
  }

  private static String normalize(String path) {
    Deque<String> segments = new ArrayDeque<>();
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        segments.pollLast();
      } else {
        segments.addLast(segment);
      }
    }
    String joined = "/" + String.join("/", segments);
    boolean trailingSlash = path.endsWith("/") && !segments.isEmpty();
    return trailingSlash ? joined + "/" : joined;
  }
}
