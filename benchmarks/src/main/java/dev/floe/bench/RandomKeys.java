package dev.floe.bench;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Fresh credentials for each run: nothing a benchmark starts is reachable with a known secret. */
final class RandomKeys {
  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomKeys() {}

  static String hex(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
