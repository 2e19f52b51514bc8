package dev.floe.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.auth.AuthenticationType;

/**
 * The one S3 store both catalogs keep their files in: S3Proxy on loopback with its filesystem
 * backend, as Floe embeds it by default. Sharing it means neither catalog gets a faster disk or a
 * different S3 implementation than the other.
 */
final class SharedStore implements AutoCloseable {
  static final String REGION = "us-east-1";
  static final String ACCESS_KEY_VARIABLE = "FLOE_BENCH_STORE_ACCESS_KEY";
  static final String SECRET_KEY_VARIABLE = "FLOE_BENCH_STORE_SECRET_KEY";

  private final S3Proxy proxy;
  private final BlobStore blobs;
  private final String accessKey;
  private final String secretKey;

  private SharedStore(S3Proxy proxy, BlobStore blobs, String accessKey, String secretKey) {
    this.proxy = proxy;
    this.blobs = blobs;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
  }

  static SharedStore start(Path directory) throws Exception {
    return start(directory, 0, "bench-" + RandomKeys.hex(6), RandomKeys.hex(20));
  }

  /** The store on a given loopback port (0 for any free one) with given keys. */
  static SharedStore start(Path directory, int port, String accessKey, String secretKey) throws Exception {
    Files.createDirectories(directory);
    Properties properties = new Properties();
    properties.setProperty("jclouds.filesystem.basedir", directory.toAbsolutePath().toString());
    BlobStore blobs = BlobStores.create("filesystem", properties);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(blobs)
            .endpoint(URI.create("http://127.0.0.1:" + port))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
            .ignoreUnknownHeaders(true)
            .build();
    proxy.start();
    return new SharedStore(proxy, blobs, accessKey, secretKey);
  }

  void createBucket(String name) {
    blobs.createContainer(name);
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  /** The store's keys as a server process reads them: from its environment, not its arguments. */
  Map<String, String> keysForServerProcess() {
    return Map.of(ACCESS_KEY_VARIABLE, accessKey, SECRET_KEY_VARIABLE, secretKey);
  }

  String accessKey() {
    return accessKey;
  }

  String secretKey() {
    return secretKey;
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException("The shared S3Proxy did not stop", e);
    }
  }
}
