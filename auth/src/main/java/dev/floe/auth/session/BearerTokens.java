package dev.floe.auth.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.floe.auth.AuthFailure;
import dev.floe.auth.AuthenticationException;
import dev.floe.auth.Credential;
import dev.floe.auth.CredentialStore;
import dev.floe.auth.Principal;
import dev.floe.auth.identity.SecretSeal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * OAuth2 bearer tokens for engines that cannot sign requests: an access key and its secret are
 * exchanged (client-credentials grant) for a short-lived token that the catalog accepts as {@code
 * Authorization: Bearer}.
 *
 * <p>A token is the access key id and an expiry, sealed under a key derived from the server key,
 * so any instance verifies it without shared state; the key is looked up again on every request,
 * so removing or disabling it ends its tokens too.
 */
public final class BearerTokens {
  private static final String SEAL_PURPOSE = "floe bearer token v1";
  private static final String SEAL_CONTEXT = "bearer-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SecretSeal seal;
  private final CredentialStore credentials;
  private final Clock clock;
  private final Duration lifetime;

  public BearerTokens(SecretSeal serverSeal, CredentialStore credentials, Clock clock, Duration lifetime) {
    this.seal = serverSeal.derive(SEAL_PURPOSE);
    this.credentials = credentials;
    this.clock = clock;
    this.lifetime = lifetime;
  }

  /** A token issued to a client that proved it holds the secret of {@code clientId}. */
  public IssuedToken issue(String clientId, String clientSecret) throws AuthenticationException {
    Credential credential = credentials.require(clientId);
    if (!MessageDigest.isEqual(
        credential.secretKey().getBytes(StandardCharsets.UTF_8),
        clientSecret.getBytes(StandardCharsets.UTF_8))) {
      throw new AuthenticationException(
          AuthFailure.SIGNATURE_MISMATCH, "The client secret does not match the client id.");
    }
    return issueFor(clientId);
  }

  /** A fresh token for the holder of a valid one (a client refreshing before expiry). */
  public IssuedToken exchange(String token) throws AuthenticationException {
    return issueFor(verify(token).accessKeyId());
  }

  /** Who presents {@code token}. */
  public Principal verify(String token) throws AuthenticationException {
    Claims claims;
    try {
      claims = JSON.readValue(seal.open(token, SEAL_CONTEXT), Claims.class);
    } catch (IllegalArgumentException | JsonProcessingException e) {
      throw new AuthenticationException(
          AuthFailure.INVALID_TOKEN, "The bearer token is malformed or was not issued by this server.");
    }
    if (!clock.instant().isBefore(Instant.ofEpochSecond(claims.expiresAt()))) {
      throw new AuthenticationException(AuthFailure.EXPIRED_TOKEN, "The bearer token has expired.");
    }
    return credentials.require(claims.accessKeyId()).principal();
  }

  private IssuedToken issueFor(String accessKeyId) {
    Instant expiresAt = clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(lifetime);
    String token;
    try {
      token = seal.seal(JSON.writeValueAsString(new Claims(accessKeyId, expiresAt.getEpochSecond())), SEAL_CONTEXT);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write bearer token claims", e);
    }
    return new IssuedToken(token, lifetime);
  }


  /** A token and how long it stays valid. */
  public record IssuedToken(String accessToken, Duration expiresIn) {
    @Override
    public String toString() {
      return "IssuedToken[expiresIn=" + expiresIn + "]";
    }
  }

  private record Claims(@JsonProperty("k") String accessKeyId, @JsonProperty("e") long expiresAt) {}
}
