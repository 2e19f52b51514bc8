package dev.floe.auth.sigv4;

import dev.floe.auth.AuthenticationException;
import java.util.Arrays;
import java.util.regex.Pattern;

/** The {@code Credential} of a signature: access key and scope. */
record SigningCredential(String accessKeyId, CredentialScope scope) {

  private static final Pattern SCOPE_DATE = Pattern.compile("\\d{8}");

  static SigningCredential parse(String credential) throws AuthenticationException {
    // The access key comes first and could itself hold a slash: take the scope from the right.
    String[] parts = credential.split("/", -1);
    if (parts.length < 5) {
      throw SignatureClaim.malformed(
          "Credential '"
              + credential
              + "' must be <access key>/<date>/<region>/<service>/aws4_request.");
    }
    int n = parts.length;
    String accessKeyId = String.join("/", Arrays.copyOf(parts, n - 4));
    String date = parts[n - 4];
    String region = parts[n - 3];
    String service = parts[n - 2];
    String terminator = parts[n - 1];
    if (accessKeyId.isEmpty()) {
      throw SignatureClaim.malformed("Credential '" + credential + "' has no access key.");
    }
    if (!SCOPE_DATE.matcher(date).matches()) {
      throw SignatureClaim.malformed("Credential scope date '" + date + "' must be yyyyMMdd.");
    }
    if (region.isEmpty()) {
      throw SignatureClaim.malformed("Credential scope has an empty region.");
    }
    if (service.isEmpty()) {
      throw SignatureClaim.malformed("Credential scope has an empty service.");
    }
    if (!terminator.equals(CredentialScope.TERMINATOR)) {
      throw SignatureClaim.malformed(
          "Credential scope must end with '"
              + CredentialScope.TERMINATOR
              + "', not '"
              + terminator
              + "'.");
    }
    return new SigningCredential(accessKeyId, new CredentialScope(date, region, service));
  }
}
