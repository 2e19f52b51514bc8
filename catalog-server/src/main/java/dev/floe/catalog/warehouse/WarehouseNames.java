package dev.floe.catalog.warehouse;

import java.util.regex.Pattern;
import org.apache.iceberg.exceptions.BadRequestException;

/** A warehouse is a bucket, so its name follows the S3 general-purpose bucket naming rules. */
final class WarehouseNames {
  private static final Pattern ALLOWED = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final String[] RESERVED_PREFIXES = {"xn--", "sthree-", "amzn-s3-demo-"};
  private static final String[] RESERVED_SUFFIXES = {
    "-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"
  };

  private WarehouseNames() {}

  static void validate(String name) {
    if (name == null || name.isEmpty()) {
      throw new BadRequestException("Invalid warehouse name: must not be empty");
    }
    if (name.length() < 3 || name.length() > 63) {
      throw invalid(name, "must be 3 to 63 characters long");
    }
    if (!ALLOWED.matcher(name).matches()) {
      throw invalid(
          name,
          "only lowercase letters, digits, '.' and '-' are allowed, beginning and ending with a"
              + " letter or digit");
    }
    if (name.contains("..")) {
      throw invalid(name, "must not contain two adjacent periods");
    }
    if (IP_ADDRESS.matcher(name).matches()) {
      throw invalid(name, "must not be formatted as an IP address");
    }
    for (String prefix : RESERVED_PREFIXES) {
      if (name.startsWith(prefix)) {
        throw invalid(name, "the prefix '" + prefix + "' is reserved");
      }
    }
    for (String suffix : RESERVED_SUFFIXES) {
      if (name.endsWith(suffix)) {
        throw invalid(name, "the suffix '" + suffix + "' is reserved");
      }
    }
  }

  private static BadRequestException invalid(String name, String reason) {
    return new BadRequestException(
        "Invalid warehouse name '%s': %s (S3 bucket naming rules)", name, reason);
  }
}
