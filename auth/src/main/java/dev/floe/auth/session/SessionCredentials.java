package dev.floe.auth.session;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.floe.auth.AuthFailure;
import dev.floe.auth.AuthenticationException;
import dev.floe.auth.Credential;
import dev.floe.auth.CredentialStore;
import dev.floe.auth.Principal;
import dev.floe.auth.identity.SecretSeal;
import dev.floe.auth.policy.PolicySet;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

/**
 * Credential vending without STS: short-lived session credentials for one table's data, minted for
 * a caller and verified by any Floe instance without shared state.
 *
 * <p>Everything about the credentials (their secret, the access key that asked for them, their
 * scope and expiry) travels inside the session token, sealed with AES-GCM under a key derived from
 * the server key. A request signed with them is verified like any SigV4 request, with the secret
 * taken from the token, and then acts as the caller narrowed to the scope. The caller is looked up
 * again on every request, so credentials stop working as soon as their owner's key is removed or
 * disabled, and the owner's current policies still apply.
 */
public final class SessionCredentials {
  /** Tokens are refused beyond this lifetime, whatever was configured. */
  public static final Duration MAX_LIFETIME = Duration.ofHours(12);

  private static final String SEAL_PURPOSE = "floe session token v1";
  private static final String SEAL_CONTEXT = "session-token";
  private static final String ACCESS_KEY_PREFIX = "FSIA";
  private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretSeal seal;
  private final CredentialStore owners;
  private final Clock clock;
  private final Cache<String, Opened> opened =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(10)).build();

  public SessionCredentials(SecretSeal serverSeal, CredentialStore owners, Clock clock) {
    this.seal = serverSeal.derive(SEAL_PURPOSE);
    this.owners = owners;
    this.clock = clock;
  }

  /** New credentials for {@code caller}, limited to {@code scope}, valid for {@code lifetime}. */
  public VendedCredentials mint(Principal caller, TableDataScope scope, Duration lifetime) {
    if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
      throw new IllegalArgumentException("Session lifetime must be between 1 s and " + MAX_LIFETIME);
    }
    Instant expiresAt = clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(lifetime);
    String accessKeyId = newAccessKeyId();
    String secret = randomText(30);
    Claims claims =
        new Claims(
            accessKeyId, secret, caller.accessKeyId(), scope.warehouse(), scope.tableUuid(),
            scope.write(), expiresAt.getEpochSecond());
    String token = seal.seal(write(claims), SEAL_CONTEXT);
    return new VendedCredentials(accessKeyId, secret, token, expiresAt, scope);
  }

  /**
   * The credential behind session credentials presented with {@code token}.
   *
   * @throws AuthenticationException {@code InvalidToken} when the token was not sealed by a Floe
   *     server with this key, was altered, or belongs to other credentials; {@code ExpiredToken}
   *     when its time is up; {@code InvalidAccessKeyId} when its owner's key no longer works
   */
  public Credential open(String accessKeyId, String token) throws AuthenticationException {
    Opened session = opened.getIfPresent(token);
    if (session == null) {
      session = unseal(token);
      opened.put(token, session);
    }
    Claims claims = session.claims();
    if (!claims.accessKeyId().equals(accessKeyId)) {
      throw invalid();
    }
    if (!clock.instant().isBefore(Instant.ofEpochSecond(claims.expiresAt()))) {
      throw new AuthenticationException(AuthFailure.EXPIRED_TOKEN, "The provided token has expired.");
    }
    Optional<Credential> owner = owners.find(claims.ownerAccessKeyId());
    if (owner.isEmpty()) {
      throw new AuthenticationException(
          AuthFailure.INVALID_ACCESS_KEY,
          "The access key that these session credentials were vended to no longer exists or is disabled.");
    }
    return new Credential(accessKeyId, claims.secret(), owner.get().principal().scopedTo(session.scope()));
  }

  private Opened unseal(String token) throws AuthenticationException {
    Claims claims;
    try {
      claims = JSON.readValue(seal.open(token, SEAL_CONTEXT), Claims.class);
    } catch (IllegalArgumentException | JsonProcessingException e) {
      throw invalid();
    }
    TableDataScope scope = new TableDataScope(claims.warehouse(), claims.tableUuid(), claims.write());
    return new Opened(claims, scope.policy());
  }

  private static AuthenticationException invalid() {
    return new AuthenticationException(
        AuthFailure.INVALID_TOKEN, "The provided token is malformed or otherwise invalid.");
  }

  private static String write(Claims claims) {
    try {
      return JSON.writeValueAsString(claims);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write session claims", e);
    }
  }

  /** Shaped like AWS's temporary keys ({@code ASIA…}): 20 upper-case letters and digits. */
  private static String newAccessKeyId() {
    StringBuilder id = new StringBuilder(ACCESS_KEY_PREFIX);
    while (id.length() < 20) {
      id.append(KEY_ALPHABET.charAt(RANDOM.nextInt(KEY_ALPHABET.length())));
    }
    return id.toString();
  }

  private static String randomText(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  private record Opened(Claims claims, PolicySet scope) {}

  /** What a session token carries; short names keep tokens short. */
  private record Claims(
      @JsonProperty("k") String accessKeyId,
      @JsonProperty("s") String secret,
      @JsonProperty("o") String ownerAccessKeyId,
      @JsonProperty("w") String warehouse,
      @JsonProperty("t") String tableUuid,
      @JsonProperty("rw") boolean write,
      @JsonProperty("e") long expiresAt) {}
}
