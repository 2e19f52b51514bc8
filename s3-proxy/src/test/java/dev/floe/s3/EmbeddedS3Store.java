package dev.floe.s3;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/** The real S3Proxy server, in-process on a free loopback port, as the backing store in tests. */
final class EmbeddedS3Store implements AutoCloseable {

  static final String ACCESS_KEY = "backend-access-key";
  static final String SECRET_KEY = "backend-secret-key";
  static final String REGION = "us-east-1";

  private final S3Proxy server;

  private EmbeddedS3Store(S3Proxy server) {
    this.server = server;
  }

  /** Objects kept in memory. */
  static EmbeddedS3Store inMemory() throws Exception {
    return start("transient", new Properties());
  }

  /** Objects kept as files below the given directory. */
  static EmbeddedS3Store onDisk(Path directory) throws Exception {
    Properties properties = new Properties();
    properties.setProperty("jclouds.filesystem.basedir", directory.toString());
    return start("filesystem", properties);
  }

  private static EmbeddedS3Store start(String provider, Properties properties) throws Exception {
    S3Proxy server =
        S3Proxy.builder()
            .blobStore(BlobStores.create(provider, properties))
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .ignoreUnknownHeaders(true)
            .stopTimeout(1000)
            .build();
    server.start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!server.getState().equals("STARTED")) {
      if (Instant.now().isAfter(deadline)) {
        server.stop();
        throw new IllegalStateException("S3Proxy did not start: " + server.getState());
      }
      Thread.sleep(10);
    }
    return new EmbeddedS3Store(server);
  }

  BackendTarget target() {
    return new BackendTarget(
        URI.create("http://127.0.0.1:" + server.getPort()), REGION, ACCESS_KEY, SECRET_KEY);
  }

  int port() {
    return server.getPort();
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
