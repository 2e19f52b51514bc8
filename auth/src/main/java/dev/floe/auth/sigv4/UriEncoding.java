package dev.floe.auth.sigv4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding as SigV4 defines it: every byte except the unreserved characters {@code A-Z a-z
 * 0-9 - _ . ~} becomes {@code %XY} with upper-case hex. Decoding works on bytes so that a path or
 * query that is not valid UTF-8 still canonicalizes to exactly what the client signed. The S3
 * proxy encodes what it forwards with it too, so that the forwarded request is already in its
 * canonical form.
 */
public final class UriEncoding {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UriEncoding() {}

  static String encode(byte[] bytes, boolean keepSlash) {
    StringBuilder out = new StringBuilder(bytes.length + 16);
    for (byte b : bytes) {
      int c = b & 0xff;
      if (isUnreserved(c) || (keepSlash && c == '/')) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >>> 4]).append(HEX[c & 0x0f]);
      }
    }
    return out.toString();
  }

  /**
   * The text's UTF-8 bytes encoded, {@code /} kept when {@code keepSlash}; text with nothing to
   * escape (most keys and names) is returned as it is.
   */
  public static String encode(String text, boolean keepSlash) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isUnreserved(c) && !(keepSlash && c == '/')) {
        return encode(text.getBytes(StandardCharsets.UTF_8), keepSlash);
      }
    }
    return text;
  }

  /**
   * Decodes {@code %XY} escapes; a {@code %} not followed by two hex digits stays literal, so a
   * sloppy client gets a signature mismatch that shows its canonical request, not a parse error.
   */
  static byte[] decode(String text, boolean plusIsSpace) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '%'
          && i + 2 < text.length()
          && isHex(text.charAt(i + 1))
          && isHex(text.charAt(i + 2))) {
        out.write(
            Character.digit(text.charAt(i + 1), 16) << 4 | Character.digit(text.charAt(i + 2), 16));
        i += 3;
      } else if (c == '+' && plusIsSpace) {
        out.write(' ');
        i++;
      } else {
        int codePoint = text.codePointAt(i);
        out.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(codePoint);
      }
    }
    return out.toByteArray();
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '.'
        || c == '~';
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0 && c < 128;
  }
}
