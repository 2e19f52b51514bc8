package dev.floe.s3;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * Percent-decoding and AWS URI encoding for S3 paths and query strings. Decoding is strict (a bad
 * escape or invalid UTF-8 is a client error, never a replacement character) and leaves {@code +}
 * alone, as S3 paths mean a literal plus. Encoding is the one the AWS signer canonicalizes with,
 * so that what Floe sends and what it signs for the backend always agree.
 */
final class PercentCoding {

  private PercentCoding() {}

  static String decode(String raw) throws S3ErrorException {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          throw invalid();
        }
        int high = Character.digit(raw.charAt(i + 1), 16);
        int low = Character.digit(raw.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          throw invalid();
        }
        bytes.write((high << 4) | low);
        i += 2;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw invalid();
    }
  }

  /** Encodes a key for a path: every byte but unreserved characters and {@code /} is escaped. */
  static String encodePath(String value) {
    return SdkHttpUtils.urlEncodeIgnoreSlashes(value);
  }

  /** Encodes a query name or value: every byte but unreserved characters is escaped. */
  static String encode(String value) {
    return SdkHttpUtils.urlEncode(value);
  }

  private static S3ErrorException invalid() {
    return new S3ErrorException(S3Error.invalidUri("Couldn't parse the specified URI."));
  }
}
