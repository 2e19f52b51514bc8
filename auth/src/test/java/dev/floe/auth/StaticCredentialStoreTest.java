package dev.floe.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StaticCredentialStoreTest {

  @Test
  void theRootUserIsFoundByItsAccessKeyAndNamedAfterIt() {
    StaticCredentialStore store = StaticCredentialStore.root("admin", "password123");

    assertThat(store.find("admin"))
        .hasValueSatisfying(
            credential -> {
              assertThat(credential.secretKey()).isEqualTo("password123");
              assertThat(credential.principal()).isEqualTo(new Principal("admin", "admin", true));
              assertThat(credential.toString()).doesNotContain("password123");
            });
    assertThat(store.find("ADMIN")).isEmpty();
    assertThat(store.find("nobody")).isEmpty();
  }

  @Test
  void holdsAnyNumberOfCredentials() {
    StaticCredentialStore store =
        new StaticCredentialStore(
            new Credential("k1", "s1", new Principal("alice", "k1", false)),
            new Credential("k2", "s2", new Principal("bob", "k2", false)));

    assertThat(store.find("k2"))
        .hasValueSatisfying(c -> assertThat(c.principal().name()).isEqualTo("bob"));
  }
}
