package dev.floe.auth.sigv4;

import dev.floe.auth.AuthenticationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…}, parsed. Components are
 * separated by commas with or without spaces, as different SDKs write them.
 */
record AuthorizationHeader(
    SigningCredential credential, List<String> signedHeaders, String signature) {

  static AuthorizationHeader parse(String value) throws AuthenticationException {
    String header = value.strip();
    if (!header.startsWith(SignatureClaim.ALGORITHM + " ")) {
      if (header.startsWith("AWS ")) {
        throw SignatureClaim.malformed(
            "Signature Version 2 is not supported; sign requests with AWS4-HMAC-SHA256.");
      }
      String scheme = header.split(" ", 2)[0];
      throw SignatureClaim.malformed(
          "Authorization scheme '" + scheme + "' is not supported; use AWS4-HMAC-SHA256.");
    }
    Map<String, String> components = new HashMap<>();
    for (String component : header.substring(SignatureClaim.ALGORITHM.length()).split(",")) {
      String trimmed = component.strip();
      int equals = trimmed.indexOf('=');
      if (equals <= 0) {
        throw SignatureClaim.malformed(
            "Authorization component '" + trimmed + "' is not of the form Name=value.");
      }
      String name = trimmed.substring(0, equals);
      if (!List.of("Credential", "SignedHeaders", "Signature").contains(name)) {
        throw SignatureClaim.malformed("Authorization component '" + name + "' is unknown.");
      }
      if (components.put(name, trimmed.substring(equals + 1)) != null) {
        throw SignatureClaim.malformed("Authorization component '" + name + "' appears twice.");
      }
    }
    return new AuthorizationHeader(
        SigningCredential.parse(required(components, "Credential")),
        SignatureClaim.parseSignedHeaders(required(components, "SignedHeaders")),
        SignatureClaim.parseSignature(required(components, "Signature")));
  }

  SignatureClaim at(RequestTime time) {
    return new SignatureClaim(credential, signedHeaders, signature, time, Optional.empty());
  }

  private static String required(Map<String, String> components, String name)
      throws AuthenticationException {
    String value = components.get(name);
    if (value == null) {
      throw SignatureClaim.malformed("Authorization header is missing " + name + "=.");
    }
    return value;
  }
}
