package dev.floe.server;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything {@code floe serve} can be told. Each setting has a default that works on a laptop;
 * {@link ServeCommand} binds them to {@code FLOE_*} environment variables and flags.
 *
 * @param address the interface to listen on
 * @param port the port for S3, the catalog and the admin API (0 picks a free one)
 * @param dataDir where the embedded store keeps its objects (unused with an external store)
 * @param rootUser the root access key
 * @param rootPassword the root secret key
 * @param store an external S3 store; empty runs the embedded one
 * @param systemBucket the bucket holding the warehouse registry and server records
 * @param virtualHostDomain the domain for virtual-hosted-style S3 requests ({@code bucket.domain})
 * @param idempotencyLifetime how long Idempotency-Key responses are replayed
 * @param maxCatalogBodyBytes the largest catalog request body accepted
 * @param secretKey the key that seals stored secrets, base64 of 32 bytes; required unless the
 *     development root credentials are in use
 * @param credentialLifetime how long vended table credentials and OAuth2 bearer tokens stay valid
 */
public record FloeConfig(
    String address,
    int port,
    Path dataDir,
    String rootUser,
    String rootPassword,
    Optional<ExternalStore> store,
    String systemBucket,
    Optional<String> virtualHostDomain,
    Duration idempotencyLifetime,
    long maxCatalogBodyBytes,
    Optional<String> secretKey,
    Duration credentialLifetime) {

  public static final String DEV_ROOT_USER = "floeadmin";
  public static final String DEV_ROOT_PASSWORD = "floeadmin";
  public static final Duration DEFAULT_CREDENTIAL_LIFETIME = Duration.ofHours(1);

  // Only for servers started by tests: 32 fixed bytes, base64.
  private static final String TEST_SECRET_KEY = "ZmxvZS10ZXN0LXNlY3JldC1rZXktMzItYnl0ZXMhISE=";

  /** A configuration without a secret key, enough for a development server. */
  public FloeConfig(
      String address, int port, Path dataDir, String rootUser, String rootPassword,
      Optional<ExternalStore> store, String systemBucket, Optional<String> virtualHostDomain,
      Duration idempotencyLifetime, long maxCatalogBodyBytes) {
    this(address, port, dataDir, rootUser, rootPassword, store, systemBucket, virtualHostDomain,
        idempotencyLifetime, maxCatalogBodyBytes, Optional.empty());
  }

  /** A configuration with the default credential lifetime. */
  public FloeConfig(
      String address, int port, Path dataDir, String rootUser, String rootPassword,
      Optional<ExternalStore> store, String systemBucket, Optional<String> virtualHostDomain,
      Duration idempotencyLifetime, long maxCatalogBodyBytes, Optional<String> secretKey) {
    this(address, port, dataDir, rootUser, rootPassword, store, systemBucket, virtualHostDomain,
        idempotencyLifetime, maxCatalogBodyBytes, secretKey, DEFAULT_CREDENTIAL_LIFETIME);
  }

  /** An S3 store Floe fronts instead of the embedded one. */
  public record ExternalStore(URI endpoint, String region, String accessKey, String secretKey) {
    @Override
    public String toString() {
      return "ExternalStore[endpoint=" + endpoint + ", region=" + region + "]";
    }
  }

  /** A configuration for tests: embedded store under {@code dataDir}, a free loopback port. */
  public static FloeConfig forTesting(Path dataDir) {
    return new FloeConfig(
        "127.0.0.1",
        0,
        dataDir,
        "floe-test-root",
        "floe-test-root-secret",
        Optional.empty(),
        "floe-system",
        Optional.empty(),
        Duration.ofMinutes(30),
        16L * 1024 * 1024,
        Optional.of(TEST_SECRET_KEY));
  }

  public boolean usesDevelopmentCredentials() {
    return DEV_ROOT_USER.equals(rootUser) && DEV_ROOT_PASSWORD.equals(rootPassword);
  }

  public FloeConfig withPort(int newPort) {
    return new FloeConfig(
        address, newPort, dataDir, rootUser, rootPassword, store, systemBucket,
        virtualHostDomain, idempotencyLifetime, maxCatalogBodyBytes, secretKey, credentialLifetime);
  }

  @Override
  public String toString() {
    return "FloeConfig[address=" + address + ", port=" + port + ", dataDir=" + dataDir
        + ", rootUser=" + rootUser + ", store=" + store.map(Object::toString).orElse("embedded")
        + ", systemBucket=" + systemBucket + "]";
  }
}
