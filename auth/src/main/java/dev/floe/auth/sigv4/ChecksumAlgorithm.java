package dev.floe.auth.sigv4;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/** The S3 additional checksums that Floe verifies when they arrive as aws-chunked trailers. */
enum ChecksumAlgorithm {
  CRC32("crc32") {
    @Override
    RunningChecksum start() {
      return crc(new CRC32(), 4);
    }
  },
  CRC32C("crc32c") {
    @Override
    RunningChecksum start() {
      return crc(new CRC32C(), 4);
    }
  },
  CRC64NVME("crc64nvme") {
    @Override
    RunningChecksum start() {
      return crc(new Crc64Nvme(), 8);
    }
  },
  SHA1("sha1") {
    @Override
    RunningChecksum start() {
      return digest(() -> messageDigest("SHA-1"));
    }
  },
  SHA256("sha256") {
    @Override
    RunningChecksum start() {
      return digest(Sha256::newDigest);
    }
  };

  /** A checksum being computed over a payload as it streams. */
  interface RunningChecksum {

    void update(byte[] bytes, int offset, int length);

    /** The value as S3 writes it in {@code x-amz-checksum-*}: base64 of the big-endian bytes. */
    String base64();
  }

  private final String headerName;

  ChecksumAlgorithm(String suffix) {
    this.headerName = "x-amz-checksum-" + suffix;
  }

  String headerName() {
    return headerName;
  }

  abstract RunningChecksum start();

  static Optional<ChecksumAlgorithm> forHeader(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (ChecksumAlgorithm algorithm : values()) {
      if (algorithm.headerName.equals(lower)) {
        return Optional.of(algorithm);
      }
    }
    return Optional.empty();
  }

  private static RunningChecksum crc(Checksum checksum, int width) {
    return new RunningChecksum() {
      @Override
      public void update(byte[] bytes, int offset, int length) {
        checksum.update(bytes, offset, length);
      }

      @Override
      public String base64() {
        byte[] value = ByteBuffer.allocate(8).putLong(checksum.getValue()).array();
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(value, 8 - width, 8));
      }
    };
  }

  private static RunningChecksum digest(Supplier<MessageDigest> factory) {
    MessageDigest digest = factory.get();
    return new RunningChecksum() {
      @Override
      public void update(byte[] bytes, int offset, int length) {
        digest.update(bytes, offset, length);
      }

      @Override
      public String base64() {
        return Base64.getEncoder().encodeToString(digest.digest());
      }
    };
  }

  private static MessageDigest messageDigest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides " + algorithm, e);
    }
  }
}
