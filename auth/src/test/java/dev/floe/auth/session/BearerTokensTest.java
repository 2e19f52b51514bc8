package dev.floe.auth.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.auth.AuthFailure;
import dev.floe.auth.AuthenticationException;
import dev.floe.auth.Credential;
import dev.floe.auth.CredentialStore;
import dev.floe.auth.Principal;
import dev.floe.auth.identity.SecretSeal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** OAuth2 bearer tokens: issued for an access key and its secret, verified statelessly, short-lived. */
class BearerTokensTest {
  private static final SecretSeal SERVER_KEY = SecretSeal.fromBase64("YmVhcmVyLXRva2VuLXRlc3Qta2V5LTMyLWJ5dGVzISE=");
  private static final Principal ALICE = new Principal("alice", "AKALICE", false);

  private final Map<String, Credential> keys = new HashMap<>(Map.of("AKALICE", new Credential("AKALICE", "alice-secret", ALICE)));
  private final CredentialStore store = id -> Optional.ofNullable(keys.get(id));
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  private final BearerTokens tokens = new BearerTokens(SERVER_KEY, store, clock, Duration.ofHours(1));

  @Test
  void aClientWithTheRightSecretGetsATokenThatIdentifiesIt() throws Exception {
    BearerTokens.IssuedToken issued = tokens.issue("AKALICE", "alice-secret");
    assertThat(issued.expiresIn()).isEqualTo(Duration.ofHours(1));
    assertThat(tokens.verify(issued.accessToken())).isEqualTo(ALICE);
    assertThat(issued.accessToken()).doesNotContain("alice-secret").doesNotContain("AKALICE");
  }

  @Test
  void wrongSecretsAndUnknownClientsGetNoToken() {
    assertFailure(() -> tokens.issue("AKALICE", "guess"), AuthFailure.SIGNATURE_MISMATCH);
    assertFailure(() -> tokens.issue("AKNOBODY", "alice-secret"), AuthFailure.INVALID_ACCESS_KEY);
  }

  @Test
  void tokensExpireAndCanBeExchangedBeforeThen() throws Exception {
    String token = tokens.issue("AKALICE", "alice-secret").accessToken();
    clock.advance(Duration.ofMinutes(50));
    String refreshed = tokens.exchange(token).accessToken();
    clock.advance(Duration.ofMinutes(10));
    assertFailure(() -> tokens.verify(token), AuthFailure.EXPIRED_TOKEN);
    assertFailure(() -> tokens.exchange(token), AuthFailure.EXPIRED_TOKEN);
    assertThat(tokens.verify(refreshed)).isEqualTo(ALICE);
  }

  @Test
  void forgedTokensAndTokensOfRemovedKeysAreRefused() throws Exception {
    String token = tokens.issue("AKALICE", "alice-secret").accessToken();
    BearerTokens otherServer =
        new BearerTokens(SecretSeal.fromBase64("b3RoZXItc2VydmVyLWtleS0zMi1ieXRlcy1sb25nISE="), store, clock, Duration.ofHours(1));
    assertFailure(() -> otherServer.verify(token), AuthFailure.INVALID_TOKEN);
    assertFailure(() -> tokens.verify("v1:" + token.substring(5)), AuthFailure.INVALID_TOKEN);
    SessionCredentials sessions = new SessionCredentials(SERVER_KEY, store, clock);
    String sessionToken =
        sessions.mint(ALICE, new TableDataScope("lake", "6b1a3f0e-2c4d-4e5f-8a9b-0c1d2e3f4a5b", false), Duration.ofHours(1))
            .sessionToken();
    assertFailure(() -> tokens.verify(sessionToken), AuthFailure.INVALID_TOKEN);
    keys.remove("AKALICE");
    assertFailure(() -> tokens.verify(token), AuthFailure.INVALID_ACCESS_KEY);
  }

  private static void assertFailure(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, AuthFailure failure) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.failure()).isEqualTo(failure));
  }
}
