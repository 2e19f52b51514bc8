package dev.floe.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * A 512 MiB object up and down through Floe in a JVM whose heap is far smaller than the object
 * (the {@code large-object} surefire execution runs it with {@code -Xmx96m}, proxy, store and
 * client together): anything that buffered a whole body would fail with OutOfMemoryError.
 */
@Tag("large-object")
class LargeObjectStreamingTest {

  private static final long SIZE = 512L * 1024 * 1024;

  @TempDir Path storeDirectory;

  /** A deterministic byte stream of a given length, generated as it is read. */
  private static final class GeneratedStream extends InputStream {
    private long remaining;
    private long state = 0x9E3779B97F4A7C15L;

    GeneratedStream(long length) {
      this.remaining = length;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (remaining == 0) {
        return -1;
      }
      int n = (int) Math.min(length, remaining);
      for (int i = 0; i < n; i++) {
        state ^= state << 13;
        state ^= state >>> 7;
        state ^= state << 17;
        buffer[offset + i] = (byte) state;
      }
      remaining -= n;
      return n;
    }
  }

  private static String sha256(InputStream in) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    byte[] buffer = new byte[64 * 1024];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      digest.update(buffer, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  @Test
  @DisplayName("a 512 MiB object streams up and down with a heap a fifth of its size")
  void largeObjectRoundTrip() throws Exception {
    long maxHeap = Runtime.getRuntime().maxMemory();
    try (EmbeddedS3Store store = EmbeddedS3Store.onDisk(storeDirectory);
        FloeS3Endpoint floe = FloeS3Endpoint.start(store.target());
        S3Client s3 = floe.client()) {
      s3.createBucket(b -> b.bucket("large"));

      s3.putObject(r -> r.bucket("large").key("half-gib.bin"),
          RequestBody.fromContentProvider(
              ContentStreamProvider.fromInputStreamSupplier(() -> new GeneratedStream(SIZE)),
              SIZE, "application/octet-stream"));
      String downloaded;
      try (ResponseInputStream<GetObjectResponse> object =
          s3.getObject(r -> r.bucket("large").key("half-gib.bin"))) {
        assertThat(object.response().contentLength()).isEqualTo(SIZE);
        downloaded = sha256(object);
      }

      assertThat(downloaded).isEqualTo(sha256(new GeneratedStream(SIZE)));
      assertThat(peakHeapUsed()).isLessThan(SIZE / 4);
      assertThat(maxHeap).as("the test runs with a heap smaller than the object")
          .isLessThan(SIZE / 2);
    }
  }

  private static long peakHeapUsed() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .mapToLong(pool -> pool.getPeakUsage().getUsed())
        .sum();
  }
}
