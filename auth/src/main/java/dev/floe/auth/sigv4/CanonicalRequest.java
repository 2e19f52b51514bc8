package dev.floe.auth.sigv4;

import java.nio.charset.StandardCharsets;

/** The canonical request whose hash a SigV4 signature covers. */
record CanonicalRequest(
    String method,
    String canonicalUri,
    String canonicalQuery,
    String canonicalHeaders,
    String signedHeaders,
    String payloadHash) {

  String text() {
    return method
        + '\n'
        + canonicalUri
        + '\n'
        + canonicalQuery
        + '\n'
        + canonicalHeaders
        + '\n'
        + signedHeaders
        + '\n'
        + payloadHash;
  }

  String hash() {
    return Sha256.hex(text().getBytes(StandardCharsets.UTF_8));
  }
}
