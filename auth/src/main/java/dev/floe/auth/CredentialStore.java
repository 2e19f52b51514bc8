package dev.floe.auth;

import java.util.Optional;

/** Finds the secret behind an access key. Implementations must be thread-safe. */
public interface CredentialStore {

  Optional<Credential> find(String accessKeyId);
}
