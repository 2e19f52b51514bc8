package dev.floe.auth;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A fixed set of credentials given at start-up, such as the root user from configuration. */
public final class StaticCredentialStore implements CredentialStore {

  private final Map<String, Credential> byAccessKey;

  public StaticCredentialStore(Credential... credentials) {
    this.byAccessKey =
        Stream.of(credentials)
            .collect(Collectors.toUnmodifiableMap(Credential::accessKeyId, Function.identity()));
  }

  /** The root user: its principal is named after the access key and bypasses policies. */
  public static StaticCredentialStore root(String accessKeyId, String secretKey) {
    return new StaticCredentialStore(
        new Credential(accessKeyId, secretKey, new Principal(accessKeyId, accessKeyId, true)));
  }

  @Override
  public Optional<Credential> find(String accessKeyId) {
    return Optional.ofNullable(byAccessKey.get(accessKeyId));
  }
}
