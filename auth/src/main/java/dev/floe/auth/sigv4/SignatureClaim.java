package dev.floe.auth.sigv4;

import dev.floe.auth.AuthFailure;
import dev.floe.auth.AuthenticationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a request claims about its signature, from the Authorization header or a presigned query.
 *
 * @param expires the lifetime of a presigned URL; empty for header authentication
 */
record SignatureClaim(
    SigningCredential credential,
    List<String> signedHeaders,
    String signature,
    RequestTime time,
    Optional<Duration> expires) {

  static final String ALGORITHM = "AWS4-HMAC-SHA256";

  private static final Pattern SIGNATURE = Pattern.compile("[0-9a-fA-F]{64}");

  static List<String> parseSignedHeaders(String value) throws AuthenticationException {
    List<String> names = new ArrayList<>();
    for (String name : value.split(";", -1)) {
      if (name.isBlank()) {
        throw malformed("SignedHeaders '" + value + "' has an empty header name.");
      }
      names.add(name.strip().toLowerCase(Locale.ROOT));
    }
    return List.copyOf(names);
  }

  static String parseSignature(String value) throws AuthenticationException {
    if (!SIGNATURE.matcher(value).matches()) {
      throw malformed("Signature must be 64 hex digits.");
    }
    return value.toLowerCase(Locale.ROOT);
  }

  static AuthenticationException malformed(String message) {
    return new AuthenticationException(AuthFailure.MALFORMED_AUTHORIZATION, message);
  }
}
