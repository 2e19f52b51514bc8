package dev.floe.s3.authz;

import dev.floe.auth.policy.AuthorizationRequest;
import java.util.List;

/**
 * One permission a request needs, asked about its resource under each ARN that names it — a
 * table's files by the table's uuid and by its name: granted when one of them is allowed and none
 * is explicitly denied. A denial names the first.
 */
record S3Permission(List<AuthorizationRequest> underEachArn) {

  S3Permission {
    underEachArn = List.copyOf(underEachArn);
    if (underEachArn.isEmpty()) {
      throw new IllegalArgumentException("a permission needs a resource");
    }
  }

  static S3Permission of(AuthorizationRequest request) {
    return new S3Permission(List.of(request));
  }

  AuthorizationRequest first() {
    return underEachArn.get(0);
  }
}
