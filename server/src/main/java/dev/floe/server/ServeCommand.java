package dev.floe.server;

import java.net.BindException;
import java.net.URI;
import java.nio.file.Path;
import dev.floe.auth.session.SessionCredentials;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code floe serve}: runs the server until interrupted, then drains in-flight requests. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run Floe: the S3 API and the Iceberg REST catalog (under /_iceberg) on one port.",
      "With no store settings it runs an embedded S3 store under --data-dir."
    },
    footer = {
      "",
      "Secrets are read from the environment only, never from flags:",
      "  FLOE_ROOT_PASSWORD     root secret key (default: floeadmin, development only)",
      "  FLOE_STORE_SECRET_KEY  secret key of the external store",
      "  FLOE_SECRET_KEY        base64 of 32 bytes sealing stored secrets (required unless the",
      "                         development root credentials are used)",
      "Every flag can also be set with the environment variable named in its description."
    })
public final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--address", defaultValue = "${env:FLOE_ADDRESS:-0.0.0.0}",
      description = "Interface to listen on (FLOE_ADDRESS; default ${DEFAULT-VALUE}).")
  String address;

  @Option(names = "--port", defaultValue = "${env:FLOE_PORT:-9000}",
      description = "Port for S3, catalog and admin APIs (FLOE_PORT; default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--data-dir", defaultValue = "${env:FLOE_DATA_DIR:-./data}",
      description = "Directory of the embedded store (FLOE_DATA_DIR; default ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--root-user", defaultValue = "${env:FLOE_ROOT_USER:-" + FloeConfig.DEV_ROOT_USER + "}",
      description = "Root access key (FLOE_ROOT_USER; default ${DEFAULT-VALUE}).")
  String rootUser;

  @Option(names = "--store-endpoint", defaultValue = "${env:FLOE_STORE_ENDPOINT}",
      description = "External S3 store to use instead of the embedded one, e.g. http://minio:9000 (FLOE_STORE_ENDPOINT).")
  String storeEndpoint;

  @Option(names = "--store-region", defaultValue = "${env:FLOE_STORE_REGION:-us-east-1}",
      description = "Region of the external store (FLOE_STORE_REGION; default ${DEFAULT-VALUE}).")
  String storeRegion;

  @Option(names = "--store-access-key", defaultValue = "${env:FLOE_STORE_ACCESS_KEY}",
      description = "Access key of the external store (FLOE_STORE_ACCESS_KEY).")
  String storeAccessKey;

  @Option(names = "--system-bucket", defaultValue = "${env:FLOE_SYSTEM_BUCKET:-floe-system}",
      description = "Bucket for the warehouse registry and server records (FLOE_SYSTEM_BUCKET; default ${DEFAULT-VALUE}).")
  String systemBucket;

  @Option(names = "--domain", defaultValue = "${env:FLOE_DOMAIN}",
      description = "Domain for virtual-hosted-style S3 requests, bucket.DOMAIN (FLOE_DOMAIN; default: path-style only).")
  String domain;

  @Option(names = "--idempotency-lifetime", defaultValue = "${env:FLOE_IDEMPOTENCY_LIFETIME:-PT30M}",
      description = "How long Idempotency-Key responses are replayed, ISO-8601 (FLOE_IDEMPOTENCY_LIFETIME; default ${DEFAULT-VALUE}).")
  String idempotencyLifetime;

  @Option(names = "--max-catalog-body", defaultValue = "${env:FLOE_MAX_CATALOG_BODY:-16777216}",
      description = "Largest catalog request body in bytes (FLOE_MAX_CATALOG_BODY; default ${DEFAULT-VALUE}).")
  long maxCatalogBody;

  @Option(names = "--credential-lifetime", defaultValue = "${env:FLOE_CREDENTIAL_LIFETIME:-PT1H}",
      description = "How long vended table credentials and OAuth2 bearer tokens stay valid, ISO-8601, at most PT12H"
          + " (FLOE_CREDENTIAL_LIFETIME; default ${DEFAULT-VALUE}).")
  String credentialLifetime;

  @Override
  public Integer call() throws Exception {
    FloeConfig config = config();
    if (config.usesDevelopmentCredentials()) {
      System.err.println(
          "WARNING: using the development root credentials " + FloeConfig.DEV_ROOT_USER + "/"
              + FloeConfig.DEV_ROOT_PASSWORD + "; set FLOE_ROOT_USER and FLOE_ROOT_PASSWORD before exposing this server.");
    }
    FloeServer server;
    try {
      server = FloeServer.start(config);
    } catch (BindException e) {
      System.err.println("floe: cannot listen on " + config.address() + ":" + config.port() + ": " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      System.err.println("floe: cannot start: " + e.getMessage());
      return 1;
    }
    printBanner(server);
    awaitShutdown(server);
    return 0;
  }

  private FloeConfig config() {
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, not " + port);
    }
    Duration lifetime = duration("--idempotency-lifetime", idempotencyLifetime, "PT30M");
    Duration credentials = duration("--credential-lifetime", credentialLifetime, "PT1H");
    if (credentials.isNegative() || credentials.isZero() || credentials.compareTo(SessionCredentials.MAX_LIFETIME) > 0) {
      throw new ParameterException(spec.commandLine(),
          "--credential-lifetime must be positive and at most PT12H, not " + credentialLifetime);
    }
    String rootPassword = Optional.ofNullable(System.getenv("FLOE_ROOT_PASSWORD"))
        .orElse(FloeConfig.DEV_ROOT_PASSWORD);
    return new FloeConfig(address, port, dataDir, rootUser, rootPassword, externalStore(), systemBucket,
        Optional.ofNullable(domain).filter(d -> !d.isBlank()), lifetime, maxCatalogBody,
        Optional.ofNullable(System.getenv("FLOE_SECRET_KEY")).filter(k -> !k.isBlank()), credentials);
  }

  private Duration duration(String option, String value, String example) {
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new ParameterException(spec.commandLine(),
          option + " must be an ISO-8601 duration such as " + example + ", not " + value);
    }
  }

  private Optional<FloeConfig.ExternalStore> externalStore() {
    if (storeEndpoint == null || storeEndpoint.isBlank()) {
      return Optional.empty();
    }
    String secret = System.getenv("FLOE_STORE_SECRET_KEY");
    if (storeAccessKey == null || secret == null) {
      throw new ParameterException(spec.commandLine(),
          "an external store needs FLOE_STORE_ACCESS_KEY (or --store-access-key) and FLOE_STORE_SECRET_KEY");
    }
    URI endpoint;
    try {
      endpoint = URI.create(storeEndpoint);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--store-endpoint is not a URL: " + storeEndpoint);
    }
    if (endpoint.getScheme() == null || endpoint.getHost() == null) {
      throw new ParameterException(spec.commandLine(),
          "--store-endpoint must be a URL such as http://minio:9000, not " + storeEndpoint);
    }
    return Optional.of(new FloeConfig.ExternalStore(endpoint, storeRegion, storeAccessKey, secret));
  }

  private static void printBanner(FloeServer server) {
    System.out.println("Floe is running.");
    System.out.println("  S3 endpoint:      " + server.endpoint());
    System.out.println("  Iceberg catalog:  " + server.endpoint() + "/_iceberg  (SigV4, signing name s3tables)");
    System.out.println("  Root access key:  " + server.rootAccessKey());
    System.out.println("  Health:           " + server.endpoint() + "/_floe/health");
  }

  private static void awaitShutdown(FloeServer server) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception e) {
        System.err.println("floe: error while stopping: " + e.getMessage());
      } finally {
        stopped.countDown();
      }
    }, "floe-shutdown"));
    server.join();
    stopped.await();
  }
}
