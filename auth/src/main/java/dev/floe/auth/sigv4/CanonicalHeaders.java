package dev.floe.auth.sigv4;

import dev.floe.auth.AuthFailure;
import dev.floe.auth.AuthenticationException;
import dev.floe.auth.SignedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The canonical headers block: only the signed headers, each {@code name:value\n}. */
final class CanonicalHeaders {

  private static final Pattern INNER_WHITESPACE = Pattern.compile("[ \\t]+");

  private CanonicalHeaders() {}

  static String of(SignedRequest request, List<String> signedHeaders)
      throws AuthenticationException {
    StringBuilder block = new StringBuilder();
    for (String name : signedHeaders) {
      List<String> values = new ArrayList<>();
      for (Map.Entry<String, String> header : request.headers()) {
        if (header.getKey().toLowerCase(Locale.ROOT).equals(name)) {
          values.add(INNER_WHITESPACE.matcher(header.getValue().strip()).replaceAll(" "));
        }
      }
      if (values.isEmpty()) {
        throw new AuthenticationException(
            AuthFailure.SIGNATURE_MISMATCH,
            "Header '" + name + "' is listed in SignedHeaders but is not present in the request.");
      }
      block.append(name).append(':').append(String.join(",", values)).append('\n');
    }
    return block.toString();
  }
}
