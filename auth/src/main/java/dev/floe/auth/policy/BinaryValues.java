package dev.floe.auth.policy;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;

/**
 * Values of {@code BinaryEquals}: base64 in the policy and in the request, compared byte by byte.
 */
final class BinaryValues implements ConditionValues {

  private final byte[][] values;
  private final Predicate<String> test = this::equalsAny;

  private BinaryValues(byte[][] values) {
    this.values = values;
  }

  static BinaryValues compile(List<String> texts, String element) {
    byte[][] values = new byte[texts.size()][];
    for (int i = 0; i < values.length; i++) {
      values[i] = decode(texts.get(i));
      if (values[i] == null) {
        throw new PolicyParseException(element, "\"" + texts.get(i) + "\" is not base64");
      }
    }
    return new BinaryValues(values);
  }

  @Override
  public Predicate<String> bind(AuthorizationRequest request) {
    return test;
  }

  private boolean equalsAny(String requestText) {
    byte[] requestValue = decode(requestText);
    if (requestValue == null) {
      return false;
    }
    for (byte[] value : values) {
      if (Arrays.equals(value, requestValue)) {
        return true;
      }
    }
    return false;
  }

  private static byte[] decode(String text) {
    try {
      return Base64.getDecoder().decode(text.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
