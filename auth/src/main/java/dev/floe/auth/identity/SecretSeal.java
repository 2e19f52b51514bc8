package dev.floe.auth.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets for storage with AES-256-GCM under the server key. Each sealed value is bound to a
 * context (the access key id), so a sealed secret copied onto another record does not open.
 */
public final class SecretSeal {
  private static final String FORMAT = "v1:";
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  private SecretSeal(byte[] key) {
    this.key = new SecretKeySpec(key, "AES");
  }

  /**
   * The key from its configured form, base64 of 32 bytes.
   *
   * @throws IllegalArgumentException saying what is wrong with it, never what it is
   */
  public static SecretSeal fromBase64(String encoded) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(encoded.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the secret key is not valid base64");
    }
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "the secret key must be " + KEY_BYTES + " bytes (base64), not " + key.length);
    }
    return new SecretSeal(key);
  }

  /**
   * A key derived from the development root credentials, so a development server reopens its own
   * secrets after a restart. Anyone who knows those public credentials can derive it: development
   * only.
   */
  public static SecretSeal derivedForDevelopment(String rootUser, String rootPassword) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] key =
          sha256.digest(
              ("floe development secret key\0" + rootUser + "\0" + rootPassword)
                  .getBytes(StandardCharsets.UTF_8));
      return new SecretSeal(key);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * A seal under a key derived from this one for a single purpose, so that what is sealed for one
   * purpose (a session token, a bearer token) never opens as another (a stored secret).
   */
  public SecretSeal derive(String purpose) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(key);
      return new SecretSeal(hmac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  public String seal(String secret, String context) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, context);
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      return FORMAT
          + Base64.getEncoder()
              .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
  }

  /**
   * @throws IllegalArgumentException when the value was not sealed under this key for this context
   */
  public String open(String sealed, String context) {
    if (!sealed.startsWith(FORMAT)) {
      throw new IllegalArgumentException("not a sealed secret");
    }
    byte[] bytes = Base64.getDecoder().decode(sealed.substring(FORMAT.length()));
    if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new IllegalArgumentException("sealed secret is truncated");
    }
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, NONCE_BYTES), context);
      byte[] secret = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
      return new String(secret, StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new IllegalArgumentException("sealed secret does not open with the server key");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
  }

  private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }

  @Override
  public String toString() {
    return "SecretSeal[AES-256-GCM]";
  }
}
