package dev.floe.auth.sigv4;

import dev.floe.auth.AuthFailure;
import dev.floe.auth.AuthenticationException;
import dev.floe.auth.Credential;
import dev.floe.auth.CredentialStore;
import dev.floe.auth.SignedRequest;
import dev.floe.auth.session.SessionCredentials;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks every SigV4 request goes through, whatever carried the signature: scope, time, access
 * key, signed headers, and finally the signature itself over the canonical request.
 */
final class SignatureCheck {

  static final Duration MAX_SKEW = Duration.ofMinutes(15);

  private final CredentialStore credentials;
  private final Optional<SessionCredentials> sessions;
  private final Clock clock;
  private final String service;

  SignatureCheck(
      CredentialStore credentials, Optional<SessionCredentials> sessions, Clock clock, String service) {
    this.credentials = credentials;
    this.sessions = sessions;
    this.clock = clock;
    this.service = service;
  }

  VerifiedSignature verify(
      SignedRequest request,
      SignatureClaim claim,
      String canonicalUri,
      String canonicalQuery,
      String payloadHash,
      Optional<String> securityToken)
      throws AuthenticationException {
    CredentialScope scope = claim.credential().scope();
    if (!scope.service().equals(service)) {
      throw SignatureClaim.malformed(
          "Credential should be scoped to the service '"
              + service
              + "', not '"
              + scope.service()
              + "'.");
    }
    if (!scope.date().equals(claim.time().day())) {
      throw SignatureClaim.malformed(
          "Credential scope date "
              + scope.date()
              + " is not the day of the request time "
              + claim.time().text()
              + ".");
    }
    checkTime(claim);
    // A session token is only opened once it is known to be signed.
    checkSignedHeaders(request, claim);
    Credential credential = credentialOf(claim.credential().accessKeyId(), securityToken);

    CanonicalRequest canonicalRequest =
        new CanonicalRequest(
            request.method(),
            canonicalUri,
            canonicalQuery,
            CanonicalHeaders.of(request, claim.signedHeaders()),
            String.join(";", claim.signedHeaders()),
            payloadHash);
    String stringToSign =
        SignatureClaim.ALGORITHM
            + '\n'
            + claim.time().text()
            + '\n'
            + scope.value()
            + '\n'
            + canonicalRequest.hash();
    SigningKey key = SigningKey.derive(credential.secretKey(), scope);
    if (!MessageDigest.isEqual(
        key.sign(stringToSign).getBytes(StandardCharsets.US_ASCII),
        claim.signature().getBytes(StandardCharsets.US_ASCII))) {
      throw new AuthenticationException(
          AuthFailure.SIGNATURE_MISMATCH,
          "The request signature we calculated does not match the signature you provided. Check"
              + " your secret key and signing method. String to sign: \""
              + stringToSign
              + "\"; canonical request: \""
              + canonicalRequest.text()
              + "\"");
    }
    return new VerifiedSignature(
        credential.principal(), key, scope, claim.time(), claim.signature());
  }

  /**
   * A long-term access key's credential, or, with a session token ({@code x-amz-security-token}),
   * the session credentials sealed in it.
   */
  private Credential credentialOf(String accessKeyId, Optional<String> securityToken)
      throws AuthenticationException {
    if (securityToken.isPresent()) {
      if (sessions.isEmpty()) {
        throw new AuthenticationException(
            AuthFailure.INVALID_TOKEN, "Session tokens are not accepted here.");
      }
      return sessions.get().open(accessKeyId, securityToken.get());
    }
    return credentials.require(accessKeyId);
  }

  private void checkTime(SignatureClaim claim) throws AuthenticationException {
    Instant now = clock.instant();
    Instant signedAt = claim.time().instant();
    if (claim.expires().isPresent()) {
      if (signedAt.isAfter(now.plus(MAX_SKEW))) {
        throw new AuthenticationException(
            AuthFailure.REQUEST_TIME_TOO_SKEWED,
            "X-Amz-Date "
                + claim.time().text()
                + " is in the future; the server time is "
                + now
                + ".");
      }
      Instant expiry = signedAt.plus(claim.expires().get());
      if (now.isAfter(expiry)) {
        throw new AuthenticationException(
            AuthFailure.PRESIGNED_URL_EXPIRED,
            "Request has expired: the presigned URL was valid until "
                + expiry
                + "; the server time is "
                + now
                + ".");
      }
    } else if (Duration.between(signedAt, now).abs().compareTo(MAX_SKEW) > 0) {
      throw new AuthenticationException(
          AuthFailure.REQUEST_TIME_TOO_SKEWED,
          "The difference between the request time "
              + claim.time().text()
              + " and the server time "
              + now
              + " is more than 15 minutes.");
    }
  }

  private static void checkSignedHeaders(SignedRequest request, SignatureClaim claim)
      throws AuthenticationException {
    Set<String> signed = new HashSet<>(claim.signedHeaders());
    if (!signed.contains("host")) {
      throw SignatureClaim.malformed("SignedHeaders must include host.");
    }
    for (Map.Entry<String, String> header : request.headers()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (name.startsWith("x-amz-") && !signed.contains(name)) {
        throw new AuthenticationException(
            AuthFailure.UNSIGNED_AMZ_HEADER,
            "There were headers present in the request which were not signed: "
                + name
                + ". Every x-amz-* header must be listed in SignedHeaders.");
      }
    }
  }
}
