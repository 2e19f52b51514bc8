package dev.floe.catalog.warehouse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Encodes a list of names (namespace levels, or one table name) as a single key segment.
 *
 * <p>One segment per namespace, never one per level: S3Proxy's filesystem store cannot hold a key
 * and a longer key below it ({@code a/b} and {@code a/b/c}), and a flat layout lists in one call.
 * Every byte outside {@code [A-Za-z0-9_-]} is percent-encoded, so levels join unambiguously with
 * {@code '.'} and the segment is safe as a file name. Segments that would be too long for a file
 * name become {@code '~'} and a SHA-256 of the encoding; those are not reversible from the key, so
 * the object itself carries the names.
 */
final class KeySegment {
  static final int MAX_LENGTH = 180;
  private static final char HASHED = '~';
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private KeySegment() {}

  static String encode(List<String> names) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        out.append('.');
      }
      for (byte b : names.get(i).getBytes(StandardCharsets.UTF_8)) {
        char c = (char) (b & 0xFF);
        if (unreserved(c)) {
          out.append(c);
        } else {
          out.append('%').append(HEX.toHexDigits(b));
        }
      }
    }
    return out.length() <= MAX_LENGTH ? out.toString() : HASHED + sha256(out.toString());
  }

  private static boolean unreserved(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '-';
  }

  /** The names, or empty for a hashed segment (read the object to learn them). */
  static Optional<List<String>> decode(String segment) {
    if (segment.isEmpty() || segment.charAt(0) == HASHED) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    for (String part : segment.split("\\.", -1)) {
      names.add(percentDecode(part));
    }
    return Optional.of(names);
  }

  private static String percentDecode(String part) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.length());
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c == '%' && i + 2 < part.length()) {
        bytes.write(HexFormat.fromHexDigits(part, i + 1, i + 3));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static String sha256(String value) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
    }
  }
}
