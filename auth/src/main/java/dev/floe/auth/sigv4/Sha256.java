package dev.floe.auth.sigv4;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 as SigV4 uses it: lower-case hex. */
final class Sha256 {

  /** The hash of an empty payload, which every signer writes for a request without a body. */
  static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private static final Pattern HEX_DIGEST = Pattern.compile("[0-9a-fA-F]{64}");

  private Sha256() {}

  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  static String hex(byte[] data) {
    return HexFormat.of().formatHex(newDigest().digest(data));
  }

  static boolean isHexDigest(String value) {
    return HEX_DIGEST.matcher(value).matches();
  }
}
