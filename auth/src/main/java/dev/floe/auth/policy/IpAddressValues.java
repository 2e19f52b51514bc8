package dev.floe.auth.policy;

import java.util.List;
import java.util.function.Predicate;

/** Values of {@code IpAddress} / {@code NotIpAddress}: IPv4 and IPv6 addresses and CIDR blocks. */
final class IpAddressValues implements ConditionValues {

  private final CidrBlock[] blocks;
  private final Predicate<String> test = this::containsAddress;

  private IpAddressValues(CidrBlock[] blocks) {
    this.blocks = blocks;
  }

  static IpAddressValues compile(List<String> texts, String element) {
    CidrBlock[] blocks = new CidrBlock[texts.size()];
    for (int i = 0; i < blocks.length; i++) {
      blocks[i] = CidrBlock.parse(texts.get(i));
      if (blocks[i] == null) {
        throw new PolicyParseException(
            element, "\"" + texts.get(i) + "\" is not an IP address or CIDR block");
      }
    }
    return new IpAddressValues(blocks);
  }

  @Override
  public Predicate<String> bind(AuthorizationRequest request) {
    return test;
  }

  private boolean containsAddress(String requestText) {
    byte[] address = CidrBlock.parseAddress(requestText.trim());
    if (address == null) {
      return false;
    }
    for (CidrBlock block : blocks) {
      if (block.contains(address)) {
        return true;
      }
    }
    return false;
  }
}
