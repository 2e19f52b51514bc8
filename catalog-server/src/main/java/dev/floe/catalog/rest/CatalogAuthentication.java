package dev.floe.catalog.rest;

import dev.floe.auth.AuthenticationException;
import dev.floe.auth.Principal;
import dev.floe.auth.SignedRequest;
import dev.floe.auth.session.BearerTokens;
import dev.floe.auth.sigv4.CatalogRequestVerifier;
import java.util.Optional;

/**
 * Who a catalog request comes from: a SigV4 signature (signing name {@code s3tables}), or an OAuth2
 * bearer token issued by {@code /v1/oauth/tokens} for engines that cannot sign.
 */
public final class CatalogAuthentication {
  private static final String BEARER = "Bearer ";

  private final CatalogRequestVerifier signatures;
  private final BearerTokens bearerTokens;

  public CatalogAuthentication(CatalogRequestVerifier signatures, BearerTokens bearerTokens) {
    this.signatures = signatures;
    this.bearerTokens = bearerTokens;
  }

  Principal authenticate(SignedRequest request, byte[] body) throws AuthenticationException {
    Optional<String> authorization = request.header("Authorization");
    if (authorization.isPresent() && authorization.get().regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return bearerTokens.verify(authorization.get().substring(BEARER.length()).strip());
    }
    return signatures.verify(request, body);
  }
}
