package dev.floe.auth.sigv4;

import dev.floe.auth.AuthenticationException;
import java.time.Duration;
import java.util.Optional;

/** The {@code X-Amz-*} parameters of a presigned URL. */
final class PresignedQuery {

  static final String SIGNATURE = "X-Amz-Signature";

  /** AWS refuses presigned URLs that live longer than seven days. */
  static final Duration MAX_EXPIRES = Duration.ofDays(7);

  private PresignedQuery() {}

  static boolean isPresigned(QueryString query) {
    return query.contains("X-Amz-Algorithm")
        || query.contains("X-Amz-Credential")
        || query.contains(SIGNATURE);
  }

  static SignatureClaim parse(QueryString query) throws AuthenticationException {
    String algorithm = required(query, "X-Amz-Algorithm");
    if (!algorithm.equals(SignatureClaim.ALGORITHM)) {
      throw SignatureClaim.malformed(
          "X-Amz-Algorithm '" + algorithm + "' is not supported; use AWS4-HMAC-SHA256.");
    }
    SigningCredential credential = SigningCredential.parse(required(query, "X-Amz-Credential"));
    RequestTime time = RequestTime.parse(required(query, "X-Amz-Date"), "X-Amz-Date");
    Duration expires = expires(required(query, "X-Amz-Expires"));
    return new SignatureClaim(
        credential,
        SignatureClaim.parseSignedHeaders(required(query, "X-Amz-SignedHeaders")),
        SignatureClaim.parseSignature(required(query, SIGNATURE)),
        time,
        Optional.of(expires));
  }

  private static Duration expires(String value) throws AuthenticationException {
    long seconds;
    try {
      seconds = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw SignatureClaim.malformed("X-Amz-Expires '" + value + "' is not a number of seconds.");
    }
    if (seconds < 1 || seconds > MAX_EXPIRES.toSeconds()) {
      throw SignatureClaim.malformed(
          "X-Amz-Expires must be between 1 and "
              + MAX_EXPIRES.toSeconds()
              + " seconds (seven days), not "
              + value
              + ".");
    }
    return Duration.ofSeconds(seconds);
  }

  private static String required(QueryString query, String name) throws AuthenticationException {
    Optional<String> value = query.first(name);
    if (value.isEmpty() || value.get().isEmpty()) {
      throw SignatureClaim.malformed("Presigned URL is missing the " + name + " parameter.");
    }
    return value.get();
  }
}
