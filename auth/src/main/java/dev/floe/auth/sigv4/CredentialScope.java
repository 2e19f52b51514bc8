package dev.floe.auth.sigv4;

/** {@code <date>/<region>/<service>/aws4_request}: what a signing key is valid for. */
record CredentialScope(String date, String region, String service) {

  static final String TERMINATOR = "aws4_request";

  String value() {
    return date + '/' + region + '/' + service + '/' + TERMINATOR;
  }
}
