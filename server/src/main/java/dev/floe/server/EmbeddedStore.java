package dev.floe.server;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/**
 * The default backing store: S3Proxy in-process on a loopback port, objects on the local
 * filesystem. Its credentials are random per start and never leave the process.
 *
 * <p>S3Proxy's filesystem store makes {@code If-Match} atomic only inside one process, so the data
 * directory is locked: a second embedded Floe on the same directory refuses to start instead of
 * silently breaking compare-and-swap.
 */
final class EmbeddedStore implements AutoCloseable {
  private final S3Proxy proxy;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final String accessKey;
  private final String secretKey;

  private EmbeddedStore(
      S3Proxy proxy, FileChannel lockChannel, FileLock lock, String accessKey, String secretKey) {
    this.proxy = proxy;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
  }

  static EmbeddedStore start(Path configuredDir) throws Exception {
    // S3Proxy's filesystem store refuses a base directory spelled with "." segments (./data).
    Path dataDir = configuredDir.toAbsolutePath().normalize();
    Path objects = dataDir.resolve("objects");
    Files.createDirectories(objects);
    FileChannel channel =
        FileChannel.open(dataDir.resolve(".floe.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock = tryLock(channel, dataDir);
    try {
      String accessKey = "embedded-" + randomHex(8);
      String secretKey = randomHex(24);
      Properties properties = new Properties();
      properties.setProperty("jclouds.filesystem.basedir", objects.toString());
      S3Proxy proxy =
          S3Proxy.builder()
              .blobStore(BlobStores.create("filesystem", properties))
              .endpoint(URI.create("http://127.0.0.1:0"))
              .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
              .ignoreUnknownHeaders(true)
              .build();
      proxy.start();
      return new EmbeddedStore(proxy, channel, lock, accessKey, secretKey);
    } catch (Exception e) {
      lock.release();
      channel.close();
      throw e;
    }
  }

  private static FileLock tryLock(FileChannel channel, Path dataDir) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new IllegalStateException(
          "Another Floe server is already using the data directory " + dataDir.toAbsolutePath()
              + "; stop it or choose another directory with --data-dir / FLOE_DATA_DIR");
    }
    return lock;
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  String accessKey() {
    return accessKey;
  }

  String secretKey() {
    return secretKey;
  }

  @Override
  public void close() throws Exception {
    try {
      proxy.stop();
    } finally {
      lock.release();
      lockChannel.close();
    }
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
