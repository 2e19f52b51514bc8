package dev.floe.catalog.store;

import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/** A real S3 server for tests: S3Proxy in-process on a free loopback port. */
public final class EmbeddedS3 implements AutoCloseable {
  private static final String ACCESS_KEY = "floe-test";
  private static final String SECRET_KEY = "floe-test-secret";

  private final S3Proxy proxy;
  private final StoreConnection connection;

  private EmbeddedS3(Properties properties, String provider) throws Exception {
    this.proxy =
        S3Proxy.builder()
            .blobStore(BlobStores.create(provider, properties))
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .ignoreUnknownHeaders(true)
            .build();
    proxy.start();
    this.connection =
        new StoreConnection(
            URI.create("http://127.0.0.1:" + proxy.getPort()), "us-east-1", ACCESS_KEY, SECRET_KEY);
  }

  /** Objects kept in memory, gone after {@link #close()}. */
  public static EmbeddedS3 inMemory() throws Exception {
    return new EmbeddedS3(new Properties(), "transient");
  }

  /** Objects kept under {@code directory}, so a second server over it sees them. */
  public static EmbeddedS3 onDisk(Path directory) throws Exception {
    Properties properties = new Properties();
    properties.setProperty("jclouds.filesystem.basedir", directory.toString());
    return new EmbeddedS3(properties, "filesystem");
  }

  public StoreConnection connection() {
    return connection;
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
  }
}
