package dev.floe.auth.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 address range in CIDR notation ({@code 203.0.113.0/24}, {@code 2001:db8::/32}); a
 * bare address is a range of one. Addresses are parsed as literals only: text that is not an IP
 * address never reaches a name lookup.
 */
final class CidrBlock {

  private final byte[] network;
  private final int prefixLength;

  private CidrBlock(byte[] network, int prefixLength) {
    this.network = network;
    this.prefixLength = prefixLength;
  }

  /** The range {@code text} denotes, or null when it is not an address or CIDR block. */
  static CidrBlock parse(String text) {
    String trimmed = text.trim();
    int slash = trimmed.indexOf('/');
    byte[] address = parseAddress(slash < 0 ? trimmed : trimmed.substring(0, slash));
    if (address == null) {
      return null;
    }
    int maxPrefix = address.length * 8;
    int prefixLength = maxPrefix;
    if (slash >= 0) {
      String prefix = trimmed.substring(slash + 1);
      if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(Character::isDigit)) {
        return null;
      }
      prefixLength = Integer.parseInt(prefix);
      if (prefixLength > maxPrefix) {
        return null;
      }
    }
    return new CidrBlock(address, prefixLength);
  }

  /**
   * The bytes of an IPv4 (4) or IPv6 (16) address, or null when {@code text} is not one. An
   * IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}) is its IPv4 address.
   */
  static byte[] parseAddress(String text) {
    if (text.indexOf(':') >= 0) {
      return parseIpv6(text);
    }
    return parseIpv4(text);
  }

  boolean contains(byte[] address) {
    if (address.length != network.length) {
      return false;
    }
    int fullBytes = prefixLength / 8;
    for (int i = 0; i < fullBytes; i++) {
      if (address[i] != network[i]) {
        return false;
      }
    }
    int remainingBits = prefixLength % 8;
    if (remainingBits == 0) {
      return true;
    }
    int mask = (0xFF << (8 - remainingBits)) & 0xFF;
    return (address[fullBytes] & mask) == (network[fullBytes] & mask);
  }

  private static byte[] parseIpv4(String text) {
    String[] octets = text.split("\\.", -1);
    if (octets.length != 4) {
      return null;
    }
    byte[] address = new byte[4];
    for (int i = 0; i < 4; i++) {
      String octet = octets[i];
      if (octet.isEmpty()
          || octet.length() > 3
          || !octet.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      int value = Integer.parseInt(octet);
      if (value > 255) {
        return null;
      }
      address[i] = (byte) value;
    }
    return address;
  }

  private static byte[] parseIpv6(String text) {
    // InetAddress treats text containing a colon as an IPv6 literal and never resolves it; the
    // character check also keeps out scope ids ("%eth0") and brackets.
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
        return null;
      }
    }
    try {
      return InetAddress.getByName(text).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
