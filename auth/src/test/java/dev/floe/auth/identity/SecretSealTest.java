package dev.floe.auth.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretSealTest {
  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
  private static final String OTHER_KEY =
      Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

  @Test
  void aSealedSecretOpensWithTheSameKeyAndContextAndHidesTheSecret() {
    SecretSeal seal = SecretSeal.fromBase64(KEY);
    String sealed = seal.seal("very-secret-value", "AKIDALICE");

    assertThat(sealed).startsWith("v1:").doesNotContain("very-secret-value");
    assertThat(seal.open(sealed, "AKIDALICE")).isEqualTo("very-secret-value");
  }

  @Test
  void sealingTheSameSecretTwiceGivesDifferentTexts() {
    SecretSeal seal = SecretSeal.fromBase64(KEY);
    assertThat(seal.seal("s3cr3t-value", "k")).isNotEqualTo(seal.seal("s3cr3t-value", "k"));
  }

  @Test
  void aSealedSecretDoesNotOpenForAnotherKeyIdOrUnderAnotherServerKey() {
    String sealed = SecretSeal.fromBase64(KEY).seal("very-secret-value", "AKIDALICE");

    assertThatThrownBy(() -> SecretSeal.fromBase64(KEY).open(sealed, "AKIDBOB"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SecretSeal.fromBase64(OTHER_KEY).open(sealed, "AKIDALICE"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("very-secret-value");
  }

  @Test
  void aKeyMustBeBase64Of32Bytes() {
    assertThatThrownBy(() -> SecretSeal.fromBase64("not base64!"))
        .hasMessage("the secret key is not valid base64");
    assertThatThrownBy(() -> SecretSeal.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
        .hasMessage("the secret key must be 32 bytes (base64), not 16");
  }

  @Test
  void theDevelopmentKeyIsStableAcrossRestarts() {
    String sealed = SecretSeal.derivedForDevelopment("floeadmin", "floeadmin").seal("dev-secret", "k");
    assertThat(SecretSeal.derivedForDevelopment("floeadmin", "floeadmin").open(sealed, "k"))
        .isEqualTo("dev-secret");
  }
}
