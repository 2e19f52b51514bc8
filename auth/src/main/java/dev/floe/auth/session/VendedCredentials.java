package dev.floe.auth.session;

import java.time.Instant;

/**
 * Short-lived credentials for one table's data, as handed to a client: an access key and secret
 * to sign S3 requests with, and the session token to send with them.
 */
public record VendedCredentials(
    String accessKeyId, String secretAccessKey, String sessionToken, Instant expiresAt, TableDataScope scope) {

  @Override
  public String toString() {
    return "VendedCredentials[accessKeyId=" + accessKeyId + ", expiresAt=" + expiresAt + ", scope=" + scope + "]";
  }
}
