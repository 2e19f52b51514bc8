package dev.floe.auth.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.auth.AuthFailure;
import dev.floe.auth.AuthenticationException;
import dev.floe.auth.Credential;
import dev.floe.auth.CredentialStore;
import dev.floe.auth.Principal;
import dev.floe.auth.identity.Authorizer;
import dev.floe.auth.identity.SecretSeal;
import dev.floe.auth.policy.AuthorizationRequest;
import dev.floe.auth.policy.PolicySet;
import dev.floe.auth.policy.PrincipalPolicies;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Session credentials carry their secret, owner, scope and expiry sealed in the token: any server
 * with the key opens them, nobody else can make or alter one, and they act as their owner narrowed
 * to one table's data.
 */
class SessionCredentialsTest {
  private static final SecretSeal SERVER_KEY = SecretSeal.fromBase64("c2Vzc2lvbi10b2tlbi10ZXN0LWtleS0zMi1ieXRlcyE=");
  private static final String TABLE = "6b1a3f0e-2c4d-4e5f-8a9b-0c1d2e3f4a5b";
  private static final String OTHER_TABLE = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
  private static final Principal ALICE = new Principal("alice", "AKALICE", false);
  private static final Principal ROOT = new Principal("root", "root", true);

  private final Map<String, Credential> keys = new HashMap<>(Map.of(
      "AKALICE", new Credential("AKALICE", "alice-secret", ALICE),
      "root", new Credential("root", "root-secret", ROOT)));
  private final CredentialStore store = id -> Optional.ofNullable(keys.get(id));
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  private final SessionCredentials sessions = new SessionCredentials(SERVER_KEY, store, clock);

  @Test
  void mintedCredentialsOpenAsTheirOwnerNarrowedToTheScope() throws Exception {
    VendedCredentials vended = sessions.mint(ALICE, new TableDataScope("lake", TABLE, false), Duration.ofHours(1));

    Credential opened = sessions.open(vended.accessKeyId(), vended.sessionToken());

    assertThat(vended.accessKeyId()).matches("FSIA[A-Z2-7]{16}");
    assertThat(vended.expiresAt()).isEqualTo(Instant.parse("2026-11-22T11:00:00Z"));
    assertThat(opened.secretKey()).isEqualTo(vended.secretAccessKey());
    assertThat(opened.principal().name()).isEqualTo("alice");
    assertThat(opened.principal().accessKeyId()).isEqualTo("AKALICE");
    assertThat(opened.principal().sessionScope()).isPresent();
  }

  @Test
  void anyServerWithTheSameKeyOpensThem() throws Exception {
    VendedCredentials vended = sessions.mint(ALICE, new TableDataScope("lake", TABLE, true), Duration.ofHours(1));
    SessionCredentials anotherInstance = new SessionCredentials(SERVER_KEY, store, clock);
    assertThat(anotherInstance.open(vended.accessKeyId(), vended.sessionToken()).secretKey())
        .isEqualTo(vended.secretAccessKey());
  }

  @Test
  void expiredCredentialsAreRefused() throws Exception {
    VendedCredentials vended = sessions.mint(ALICE, new TableDataScope("lake", TABLE, false), Duration.ofMinutes(15));
    sessions.open(vended.accessKeyId(), vended.sessionToken());
    clock.advance(Duration.ofMinutes(15));
    assertRefused(vended.accessKeyId(), vended.sessionToken(), AuthFailure.EXPIRED_TOKEN);
  }

  @Test
  void alteredForeignAndBorrowedTokensAreRefused() {
    VendedCredentials vended = sessions.mint(ALICE, new TableDataScope("lake", TABLE, false), Duration.ofHours(1));
    String token = vended.sessionToken();
    String altered = token.substring(0, 10) + (token.charAt(10) == 'x' ? 'y' : 'x') + token.substring(11);
    assertRefused(vended.accessKeyId(), altered, AuthFailure.INVALID_TOKEN);
    assertRefused(vended.accessKeyId(), "not a token", AuthFailure.INVALID_TOKEN);

    SessionCredentials otherKey =
        new SessionCredentials(SecretSeal.fromBase64("b3RoZXItc2VydmVyLWtleS0zMi1ieXRlcy1sb25nISE="), store, clock);
    VendedCredentials foreign = otherKey.mint(ALICE, new TableDataScope("lake", TABLE, true), Duration.ofHours(1));
    assertRefused(foreign.accessKeyId(), foreign.sessionToken(), AuthFailure.INVALID_TOKEN);

    VendedCredentials second = sessions.mint(ALICE, new TableDataScope("lake", TABLE, false), Duration.ofHours(1));
    assertRefused(second.accessKeyId(), token, AuthFailure.INVALID_TOKEN);
  }

  @Test
  void credentialsDieWithTheirOwnersKey() {
    VendedCredentials vended = sessions.mint(ALICE, new TableDataScope("lake", TABLE, false), Duration.ofHours(1));
    keys.remove("AKALICE");
    assertRefused(vended.accessKeyId(), vended.sessionToken(), AuthFailure.INVALID_ACCESS_KEY);
  }

  @Test
  void lifetimesBeyondTwelveHoursAreRejected() {
    assertThatThrownBy(() -> sessions.mint(ALICE, new TableDataScope("lake", TABLE, false), Duration.ofHours(13)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theScopeGrantsOnlyItsTablesDataEvenToRoot() throws Exception {
    Authorizer authorizer = new Authorizer(everythingAllowedFor("alice"));
    Principal readOnly = open(sessions.mint(ROOT, new TableDataScope("lake", TABLE, false), Duration.ofHours(1)));
    Principal readWrite = open(sessions.mint(ALICE, new TableDataScope("lake", TABLE, true), Duration.ofHours(1)));
    String table = "arn:aws:s3tables:::bucket/lake/table/" + TABLE;
    String otherTable = "arn:aws:s3tables:::bucket/lake/table/" + OTHER_TABLE;

    assertThat(readOnly.unrestricted()).isFalse();
    assertThat(allowed(authorizer, readOnly, "s3tables:GetTableData", table)).isTrue();
    assertThat(allowed(authorizer, readOnly, "s3tables:PutTableData", table)).isFalse();
    assertThat(allowed(authorizer, readOnly, "s3tables:GetTableData", otherTable)).isFalse();
    assertThat(allowed(authorizer, readOnly, "s3:GetObject", "arn:aws:s3:::assets/a.txt")).isFalse();
    assertThat(allowed(authorizer, readOnly, "s3tables:GetTable", table)).isFalse();
    assertThat(allowed(authorizer, readWrite, "s3tables:PutTableData", table)).isTrue();
    assertThat(allowed(authorizer, readWrite, "s3tables:DeleteTable", table)).isFalse();
  }

  @Test
  void theOwnersPoliciesStillApply() throws Exception {
    Authorizer authorizer = new Authorizer(nothingAllowed());
    Principal scoped = open(sessions.mint(ALICE, new TableDataScope("lake", TABLE, true), Duration.ofHours(1)));
    assertThat(allowed(authorizer, scoped, "s3tables:GetTableData", "arn:aws:s3tables:::bucket/lake/table/" + TABLE)).isFalse();
  }

  private Principal open(VendedCredentials vended) throws AuthenticationException {
    return sessions.open(vended.accessKeyId(), vended.sessionToken()).principal();
  }

  private static boolean allowed(Authorizer authorizer, Principal principal, String action, String resource) {
    return authorizer.isAllowed(principal, new AuthorizationRequest(action, resource, Map.of()));
  }

  private void assertRefused(String accessKeyId, String token, AuthFailure failure) {
    assertThatThrownBy(() -> sessions.open(accessKeyId, token))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.failure()).isEqualTo(failure));
  }

  private static PrincipalPolicies everythingAllowedFor(String user) {
    PolicySet all =
        PolicySet.of(List.of(dev.floe.auth.policy.PolicyDocument.parse(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}")));
    return new PrincipalPolicies() {
      @Override
      public PolicySet identityPolicies(Principal principal) {
        return principal.name().equals(user) ? all : PolicySet.empty();
      }

      @Override
      public Optional<PolicySet> sessionPolicy(Principal principal) {
        return Optional.empty();
      }
    };
  }

  private static PrincipalPolicies nothingAllowed() {
    return everythingAllowedFor("nobody");
  }
}
