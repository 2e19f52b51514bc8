package dev.floe.s3;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Request ids in the S3 style (16 upper-case hex digits), for error bodies and logs. */
final class RequestIds {

  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private RequestIds() {}

  static String next() {
    return HEX.toHexDigits(ThreadLocalRandom.current().nextLong());
  }
}
