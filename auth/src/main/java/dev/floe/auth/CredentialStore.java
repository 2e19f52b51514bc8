package dev.floe.auth;

import java.util.Optional;

/** Finds the secret behind an access key. Implementations must be thread-safe. */
public interface CredentialStore {

  Optional<Credential> find(String accessKeyId);

  /**
   * The credential behind an access key that a request presents.
   *
   * @throws AuthenticationException {@code InvalidAccessKeyId} when there is none (or it is disabled)
   */
  default Credential require(String accessKeyId) throws AuthenticationException {
    return find(accessKeyId)
        .orElseThrow(
            () ->
                new AuthenticationException(
                    AuthFailure.INVALID_ACCESS_KEY,
                    "The access key ID '" + accessKeyId + "' does not exist."));
  }
}
