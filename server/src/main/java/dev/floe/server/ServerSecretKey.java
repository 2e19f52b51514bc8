package dev.floe.server;

import dev.floe.auth.identity.SecretSeal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the key that seals stored secrets: {@code FLOE_SECRET_KEY} when given; with the
 * development root credentials a key derived from them (with a warning); otherwise Floe refuses to
 * start, since secrets sealed under a key nobody configured could not survive a restart safely.
 */
final class ServerSecretKey {
  private static final Logger LOG = LoggerFactory.getLogger(ServerSecretKey.class);

  private ServerSecretKey() {}

  static SecretSeal sealFor(FloeConfig config) {
    if (config.secretKey().isPresent()) {
      try {
        return SecretSeal.fromBase64(config.secretKey().get());
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("FLOE_SECRET_KEY is unusable: " + e.getMessage());
      }
    }
    if (config.usesDevelopmentCredentials()) {
      LOG.warn(
          "FLOE_SECRET_KEY is not set: sealing stored secrets with a key derived from the"
              + " development root credentials. Set FLOE_SECRET_KEY (openssl rand -base64 32)"
              + " before exposing this server.");
      return SecretSeal.derivedForDevelopment(config.rootUser(), config.rootPassword());
    }
    throw new IllegalStateException(
        "FLOE_SECRET_KEY is required outside development mode: set it to 32 random bytes in"
            + " base64 (openssl rand -base64 32); it seals the secrets of users' access keys");
  }
}
