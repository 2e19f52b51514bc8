package dev.floe.auth.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key derived from a secret for one credential scope: the verifier checks signatures with it
 * and the S3 proxy signs what it forwards to the backing store. The key itself is never exposed,
 * only signatures made with it.
 *
 * <p>Deriving takes four HMACs and every request of a day in one scope derives the same key, so
 * derived keys are kept (a bounded number; the whole set is dropped when it is full, which only
 * costs re-deriving). The key itself is held as a ready HMAC that each signature clones, because
 * looking up and keying a new {@link Mac} costs more than the HMAC of a string to sign.
 */
public final class SigningKey {

  private static final String HMAC_SHA256 = "HmacSHA256";
  private static final int MAX_CACHED_KEYS = 1024;
  private static final Map<Derivation, SigningKey> DERIVED = new ConcurrentHashMap<>();

  /** What a key is derived from; never printed, as it holds a secret. */
  private record Derivation(String secretKey, CredentialScope scope) {
    @Override
    public String toString() {
      return "Derivation[redacted]";
    }
  }

  private final Mac keyed;

  private SigningKey(byte[] key) {
    this.keyed = newHmac(key);
  }

  public static SigningKey derive(String secretKey, CredentialScope scope) {
    Derivation derivation = new Derivation(secretKey, scope);
    SigningKey known = DERIVED.get(derivation);
    if (known != null) {
      return known;
    }
    if (DERIVED.size() >= MAX_CACHED_KEYS) {
      DERIVED.clear();
    }
    return DERIVED.computeIfAbsent(derivation, SigningKey::compute);
  }

  private static SigningKey compute(Derivation derivation) {
    CredentialScope scope = derivation.scope();
    byte[] date =
        hmac(("AWS4" + derivation.secretKey()).getBytes(StandardCharsets.UTF_8), scope.date());
    byte[] region = hmac(date, scope.region());
    byte[] service = hmac(region, scope.service());
    return new SigningKey(hmac(service, CredentialScope.TERMINATOR));
  }

  /** The hex signature of a string to sign. */
  public String sign(String stringToSign) {
    return HexFormat.of().formatHex(keyedHmac().doFinal(utf8(stringToSign)));
  }

  private Mac keyedHmac() {
    try {
      return (Mac) keyed.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the platform's HmacSHA256 cannot be cloned", e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    return newHmac(key).doFinal(utf8(data));
  }

  private static Mac newHmac(byte[] key) {
    try {
      Mac mac = Mac.getInstance(HMAC_SHA256);
      mac.init(new SecretKeySpec(key, HMAC_SHA256));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform provides HmacSHA256", e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "SigningKey[redacted]";
  }
}
