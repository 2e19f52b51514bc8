package dev.floe.auth.sigv4;

import dev.floe.auth.AuthFailure;
import dev.floe.auth.AuthenticationException;
import dev.floe.auth.CredentialStore;
import dev.floe.auth.SignedRequest;
import dev.floe.auth.session.SessionCredentials;
import java.time.Clock;
import java.util.Optional;

/**
 * Verifies S3 requests (signing name {@code s3}) signed in the Authorization header or as a
 * presigned URL, and sets up verification of their body according to {@code x-amz-content-sha256}.
 *
 * <p>The canonical URI is the raw path, segment by segment decoded and encoded once, never
 * normalized. Every {@code x-amz-*} header present must be signed, for presigned URLs too (AWS
 * documents no exception).
 */
public final class S3RequestVerifier {

  /** The signing name of the S3 API. */
  public static final String SIGNING_NAME = "s3";

  static final String SECURITY_TOKEN_HEADER = "x-amz-security-token";
  private static final String SECURITY_TOKEN_PARAMETER = "X-Amz-Security-Token";

  private final SignatureCheck check;

  /** A verifier that accepts long-term access keys only. */
  public S3RequestVerifier(CredentialStore credentials, Clock clock) {
    this.check = new SignatureCheck(credentials, Optional.empty(), clock, SIGNING_NAME);
  }

  /** A verifier that also accepts session credentials vended by {@code sessions}. */
  public S3RequestVerifier(CredentialStore credentials, SessionCredentials sessions, Clock clock) {
    this.check = new SignatureCheck(credentials, Optional.of(sessions), clock, SIGNING_NAME);
  }

  /**
   * @param request the request as received, with its raw (undecoded, unnormalized) path and query
   *     and a Host header
   */
  public S3Authentication authenticate(SignedRequest request) throws AuthenticationException {
    QueryString query = QueryString.parse(request.rawQuery());
    Optional<String> authorization = request.header("Authorization");
    boolean presigned = PresignedQuery.isPresigned(query);
    if (authorization.isPresent() && presigned) {
      throw SignatureClaim.malformed(
          "Only one authentication mechanism is allowed: the Authorization header or the"
              + " X-Amz-* query parameters, not both.");
    }
    if (authorization.isEmpty() && !presigned) {
      throw new AuthenticationException(
          AuthFailure.MISSING_AUTHENTICATION,
          "The request is not signed: send a SigV4 Authorization header or a presigned URL.");
    }

    SignatureClaim claim;
    String canonicalQuery;
    String payloadHash;
    Optional<String> securityToken;
    if (presigned) {
      securityToken = query.first(SECURITY_TOKEN_PARAMETER);
      claim = PresignedQuery.parse(query);
      canonicalQuery = query.canonicalWithout(PresignedQuery.SIGNATURE);
      // Presigners sign UNSIGNED-PAYLOAD unless they put a hash in the query themselves.
      payloadHash =
          query.first("X-Amz-Content-Sha256").orElse(DeclaredPayload.UNSIGNED_PAYLOAD).strip();
      if (DeclaredPayload.STREAMING_MODES.containsKey(payloadHash)) {
        throw new AuthenticationException(
            AuthFailure.CONTENT_SHA256_MISMATCH,
            "An aws-chunked body cannot be sent with a presigned URL; sign the Authorization"
                + " header instead.");
      }
    } else {
      claim = AuthorizationHeader.parse(authorization.get()).at(RequestTime.of(request));
      securityToken = request.header(SECURITY_TOKEN_HEADER);
      canonicalQuery = query.canonical();
      Optional<String> declared = request.header("x-amz-content-sha256");
      if (declared.isEmpty() && DeclaredPayload.hasBody(request)) {
        throw new AuthenticationException(
            AuthFailure.CONTENT_SHA256_MISMATCH,
            "Missing required header for this request: x-amz-content-sha256.");
      }
      payloadHash = declared.orElse(Sha256.EMPTY).strip();
    }

    DeclaredPayload payload = DeclaredPayload.of(request, payloadHash);
    VerifiedSignature verified =
        check.verify(
            request,
            claim,
            CanonicalUri.forS3(request.rawPath()),
            canonicalQuery,
            payloadHash,
            securityToken);
    return payload.authenticatedBy(verified);
  }
}
