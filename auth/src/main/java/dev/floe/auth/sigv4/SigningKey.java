package dev.floe.auth.sigv4;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The key derived from a secret for one credential scope; it never leaves the verifier. */
final class SigningKey {

  private static final String HMAC_SHA256 = "HmacSHA256";

  private final byte[] key;

  private SigningKey(byte[] key) {
    this.key = key;
  }

  static SigningKey derive(String secretKey, CredentialScope scope) {
    byte[] date = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), scope.date());
    byte[] region = hmac(date, scope.region());
    byte[] service = hmac(region, scope.service());
    return new SigningKey(hmac(service, CredentialScope.TERMINATOR));
  }

  /** The hex signature of a string to sign. */
  String sign(String stringToSign) {
    return HexFormat.of().formatHex(hmac(key, stringToSign));
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance(HMAC_SHA256);
      mac.init(new SecretKeySpec(key, HMAC_SHA256));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform provides HmacSHA256", e);
    }
  }

  @Override
  public String toString() {
    return "SigningKey[redacted]";
  }
}
