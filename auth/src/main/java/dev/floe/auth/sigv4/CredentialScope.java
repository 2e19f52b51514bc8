package dev.floe.auth.sigv4;

/**
 * {@code <date>/<region>/<service>/aws4_request}: what a signing key is valid for.
 *
 * @param date the signing day, {@code yyyyMMdd}
 */
public record CredentialScope(String date, String region, String service) {

  static final String TERMINATOR = "aws4_request";

  /** The scope as it appears in a credential and in the string to sign. */
  public String value() {
    return date + '/' + region + '/' + service + '/' + TERMINATOR;
  }
}
