package dev.floe.s3;

import dev.floe.auth.Credential;
import dev.floe.auth.Principal;
import dev.floe.auth.StaticCredentialStore;
import dev.floe.auth.sigv4.S3RequestVerifier;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Floe's S3 side as the server module wires it: a Jetty server on a free loopback port with the
 * S3 URI compliance, the S3 error handler and an {@link S3ProxyHandler} in front of a backend.
 */
final class FloeS3Endpoint implements AutoCloseable {

  static final String ACCESS_KEY = "floe-root";
  static final String SECRET_KEY = "floe-root-secret-key";

  private final Server server;
  private final ServerConnector connector;
  private final SimpleMeterRegistry meters;

  private FloeS3Endpoint(Server server, ServerConnector connector, SimpleMeterRegistry meters) {
    this.server = server;
    this.connector = connector;
    this.meters = meters;
  }

  static FloeS3Endpoint start(BackendTarget backend) throws Exception {
    return start(backend, Clock.systemUTC(), Optional.empty(), List.of());
  }

  /**
   * @param clock the verifier's clock
   * @param others credentials accepted besides the root's
   */
  static FloeS3Endpoint start(
      BackendTarget backend,
      Clock clock,
      Optional<String> virtualHostDomain,
      List<S3AccessCheck> checks,
      Credential... others)
      throws Exception {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    List<Credential> credentials = new ArrayList<>(List.of(others));
    credentials.add(
        new Credential(ACCESS_KEY, SECRET_KEY, new Principal(ACCESS_KEY, ACCESS_KEY, true)));
    S3RequestVerifier verifier =
        new S3RequestVerifier(
            new StaticCredentialStore(credentials.toArray(Credential[]::new)), clock);
    Server server = new Server();
    HttpConfiguration configuration = new HttpConfiguration();
    S3HttpConfiguration.applyTo(configuration);
    configuration.setSendServerVersion(false);
    ServerConnector connector =
        new ServerConnector(server, new HttpConnectionFactory(configuration));
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setErrorHandler(new S3ErrorHandler());
    server.setHandler(
        new S3ProxyHandler(
            verifier, backend, new S3ProxyOptions(virtualHostDomain, checks, meters)));
    server.start();
    return new FloeS3Endpoint(server, connector, meters);
  }

  int port() {
    return connector.getLocalPort();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + port());
  }

  SimpleMeterRegistry meters() {
    return meters;
  }

  /** An SDK client with default settings except the endpoint, path-style and Floe's keys. */
  S3Client client() {
    return S3Client.builder()
        .endpointOverride(uri())
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials())
        .forcePathStyle(true)
        .build();
  }

  S3Presigner presigner() {
    return S3Presigner.builder()
        .endpointOverride(uri())
        .region(Region.US_EAST_1)
        .credentialsProvider(credentials())
        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
        .build();
  }

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("Could not stop " + server, e);
    }
  }
}
