package dev.floe.auth.sigv4;

import dev.floe.auth.AuthFailure;
import dev.floe.auth.AuthenticationException;
import dev.floe.auth.CredentialStore;
import dev.floe.auth.Principal;
import dev.floe.auth.SignedRequest;
import dev.floe.auth.session.SessionCredentials;
import java.time.Clock;
import java.util.Optional;

/**
 * Verifies Iceberg REST catalog requests, signed with the signing name {@code s3tables} and any
 * non-empty region.
 *
 * <p>The catalog signs as an ordinary AWS service, not as S3: the path is normalized and encoded a
 * second time (a namespace separator {@code %1F} is {@code %251F} in the canonical request), and
 * the payload line is always the hex SHA-256 of the body, computed here. Clients disagree about the
 * {@code x-amz-content-sha256} header (PyIceberg sends none on POSTs, Iceberg Java and Trino send
 * base64), but all of them sign the hex digest; when the header is signed, its value as sent goes
 * into the canonical headers like any other header.
 */
public final class CatalogRequestVerifier {

  /** The signing name the catalog answers to. */
  public static final String SIGNING_NAME = "s3tables";

  private final SignatureCheck check;

  /** A verifier that accepts long-term access keys only. */
  public CatalogRequestVerifier(CredentialStore credentials, Clock clock) {
    this.check = new SignatureCheck(credentials, Optional.empty(), clock, SIGNING_NAME);
  }

  /**
   * A verifier that also accepts session credentials vended by {@code sessions}; their scope (one
   * table's data) grants no catalog action, so they are authenticated only to be refused with a
   * clear 403 rather than an unknown key.
   */
  public CatalogRequestVerifier(CredentialStore credentials, SessionCredentials sessions, Clock clock) {
    this.check = new SignatureCheck(credentials, Optional.of(sessions), clock, SIGNING_NAME);
  }

  /**
   * @param request the request as received, with its raw path (including any prefix such as {@code
   *     /_iceberg}) and query
   * @param body the full request body as received (may be empty)
   * @return who signed the request
   */
  public Principal verify(SignedRequest request, byte[] body) throws AuthenticationException {
    Optional<String> authorization = request.header("Authorization");
    if (authorization.isEmpty()) {
      throw new AuthenticationException(
          AuthFailure.MISSING_AUTHENTICATION,
          "Catalog requests must be signed with SigV4 (signing name '" + SIGNING_NAME + "').");
    }
    SignatureClaim claim =
        AuthorizationHeader.parse(authorization.get()).at(RequestTime.of(request));
    return check
        .verify(
            request,
            claim,
            CanonicalUri.forService(request.rawPath()),
            QueryString.parse(request.rawQuery()).canonical(),
            Sha256.hex(body),
            request.header(S3RequestVerifier.SECURITY_TOKEN_HEADER))
        .principal();
  }
}
