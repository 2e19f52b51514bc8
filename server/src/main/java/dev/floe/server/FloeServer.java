package dev.floe.server;

import dev.floe.auth.Credential;
import dev.floe.auth.Principal;
import dev.floe.auth.identity.Authorizer;
import dev.floe.auth.identity.IdentityDirectory;
import dev.floe.auth.identity.SecretSeal;
import dev.floe.auth.identity.StoredCredentials;
import dev.floe.auth.session.BearerTokens;
import dev.floe.auth.session.SessionCredentials;
import dev.floe.auth.sigv4.CatalogRequestVerifier;
import dev.floe.auth.sigv4.S3RequestVerifier;
import dev.floe.catalog.integrity.CatalogTableLocations;
import dev.floe.catalog.rest.CatalogAuthentication;
import dev.floe.catalog.rest.CatalogSettings;
import dev.floe.catalog.rest.OAuthTokenHandler;
import dev.floe.catalog.rest.IcebergRestHandler;
import dev.floe.catalog.store.ConditionalWriteProbe;
import dev.floe.catalog.store.ObjectStore;
import dev.floe.catalog.store.S3ObjectStore;
import dev.floe.catalog.store.StoreConnection;
import dev.floe.integrity.IntegrityGuard;
import dev.floe.catalog.warehouse.Warehouses;
import dev.floe.s3.BackendTarget;
import dev.floe.s3.S3ProxyHandler;
import dev.floe.s3.S3ProxyOptions;
import dev.floe.s3.guard.GuardMetrics;
import dev.floe.s3.authz.S3PolicyCheck;
import dev.floe.s3.guard.IntegrityGuardCheck;
import dev.floe.s3.S3ErrorHandler;
import dev.floe.s3.S3HttpConfiguration;
import dev.floe.server.admin.AdminHandler;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Floe: the backing store (embedded or external), the catalog, the S3 proxy and the
 * operations API on one Jetty connector. {@link #close()} drains in-flight requests first.
 */
public final class FloeServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FloeServer.class);
  private static final long STOP_TIMEOUT_MS = 30_000;
  // How long an access key's secret and policies are trusted before they are read again: the
  // delay after which a change made on another instance takes effect here.
  private static final Duration IDENTITY_CACHE_LIFETIME = Duration.ofSeconds(5);

  private final FloeConfig config;
  private final Server jetty;
  private final ObjectStore store;
  private final Optional<EmbeddedStore> embedded;
  private final ServerConnector connector;

  private FloeServer(
      FloeConfig config, Server jetty, ServerConnector connector, ObjectStore store,
      Optional<EmbeddedStore> embedded) {
    this.config = config;
    this.jetty = jetty;
    this.connector = connector;
    this.store = store;
    this.embedded = embedded;
  }

  public static FloeServer start(FloeConfig config) throws Exception {
    SecretSeal seal = ServerSecretKey.sealFor(config);
    Optional<EmbeddedStore> embedded =
        config.store().isPresent() ? Optional.empty() : Optional.of(EmbeddedStore.start(config.dataDir()));
    ObjectStore store = null;
    try {
      StoreConnection connection = connectionFor(config, embedded);
      store = new S3ObjectStore(connection);
      prepareSystemBucket(store, config.systemBucket());
      return startJetty(config, connection, store, embedded, seal);
    } catch (Exception | Error e) {
      if (store != null) {
        store.close();
      }
      if (embedded.isPresent()) {
        embedded.get().close();
      }
      throw e;
    }
  }

  private static StoreConnection connectionFor(FloeConfig config, Optional<EmbeddedStore> embedded) {
    if (embedded.isPresent()) {
      return new StoreConnection(
          embedded.get().endpoint(), "us-east-1", embedded.get().accessKey(), embedded.get().secretKey());
    }
    FloeConfig.ExternalStore external = config.store().orElseThrow();
    return new StoreConnection(
        external.endpoint(), external.region(), external.accessKey(), external.secretKey());
  }

  private static void prepareSystemBucket(ObjectStore store, String systemBucket) {
    if (!store.bucketExists(systemBucket)) {
      store.createBucket(systemBucket);
    }
    ConditionalWriteProbe.verify(store, systemBucket);
  }

  private static FloeServer startJetty(
      FloeConfig config, StoreConnection connection, ObjectStore store, Optional<EmbeddedStore> embedded,
      SecretSeal seal) throws Exception {
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(meters);
    new JvmThreadMetrics().bindTo(meters);
    Clock clock = Clock.systemUTC();
    Credential root =
        new Credential(config.rootUser(), config.rootPassword(), new Principal(config.rootUser(), config.rootUser(), true));
    SystemBucketIdentityStorage identities = new SystemBucketIdentityStorage(store, config.systemBucket());
    StoredCredentials credentials = new StoredCredentials(root, identities, seal, IDENTITY_CACHE_LIFETIME);
    AdminHandler admin =
        new AdminHandler(
            new CatalogRequestVerifier(credentials, clock),
            credentials,
            new IdentityDirectory(identities, seal, config.rootUser(), clock),
            clock);

    Warehouses warehouses = new Warehouses(store, connection, config.systemBucket(), meters, clock);
    CatalogTableLocations tableLocations = new CatalogTableLocations(warehouses, clock);
    IntegrityGuardCheck guard =
        new IntegrityGuardCheck(
            new IntegrityGuard(config.systemBucket(), tableLocations), new GuardMetrics(meters));
    Authorizer authorizer = new Authorizer(credentials);
    SessionCredentials sessions = new SessionCredentials(seal, credentials, clock);
    BearerTokens bearerTokens = new BearerTokens(seal, credentials, clock, config.credentialLifetime());
    IcebergRestHandler catalog =
        new IcebergRestHandler(
            warehouses,
            new CatalogAuthentication(new CatalogRequestVerifier(credentials, sessions, clock), bearerTokens),
            authorizer,
            sessions,
            new CatalogSettings(
                store, config.systemBucket(), config.idempotencyLifetime(), config.maxCatalogBodyBytes(),
                config.credentialLifetime(), clock),
            meters);
    S3ProxyHandler s3 =
        new S3ProxyHandler(
            new S3RequestVerifier(credentials, sessions, clock),
            new BackendTarget(
                connection.endpoint(), connection.region(), connection.accessKeyId(), connection.secretKey()),
            // Policies before the guard: a caller who may not touch a key must not learn from the
            // guard's refusal whether it exists or what protects it.
            new S3ProxyOptions(
                config.virtualHostDomain(),
                List.of(new S3PolicyCheck(authorizer, tableLocations, new CatalogTableNames(warehouses), clock), guard),
                meters,
                guard));
    OperationsHandler operations = new OperationsHandler(meters, () -> isReachable(store, config.systemBucket()));

    QueuedThreadPool threads = new QueuedThreadPool(200, 8);
    threads.setName("floe");
    Server jetty = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    S3HttpConfiguration.applyTo(http);
    http.setSendServerVersion(false);
    http.setRequestHeaderSize(16 * 1024);
    ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    connector.setHost(config.address());
    connector.setPort(config.port());
    jetty.addConnector(connector);
    jetty.setHandler(new GracefulHandler(new FloeRouter(catalog, new OAuthTokenHandler(bearerTokens), admin, operations, s3)));
    jetty.setRequestLog(new AccessLog());
    jetty.setErrorHandler(new S3ErrorHandler());
    jetty.setStopTimeout(STOP_TIMEOUT_MS);
    jetty.setStopAtShutdown(false);
    jetty.start();
    FloeServer server = new FloeServer(config, jetty, connector, store, embedded);
    LOG.info("Floe is serving on {} ({})", server.endpoint(),
        embedded.isPresent() ? "embedded store in " + config.dataDir().toAbsolutePath().normalize() : "store " + connection.endpoint());
    return server;
  }

  private static boolean isReachable(ObjectStore store, String systemBucket) {
    try {
      return store.bucketExists(systemBucket);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The address clients use, on loopback when bound to every interface. */
  public URI endpoint() {
    String host = "0.0.0.0".equals(config.address()) ? "127.0.0.1" : config.address();
    return URI.create("http://" + host + ":" + connector.getLocalPort());
  }

  public String rootAccessKey() {
    return config.rootUser();
  }

  public String rootSecretKey() {
    return config.rootPassword();
  }

  public void join() throws InterruptedException {
    jetty.join();
  }

  @Override
  public void close() throws Exception {
    try {
      jetty.stop();
    } finally {
      try {
        store.close();
      } finally {
        if (embedded.isPresent()) {
          embedded.get().close();
        }
      }
    }
  }
}
