package dev.floe.auth.sigv4;

import java.util.zip.Checksum;

/**
 * CRC-64/NVME (reflected polynomial {@code 0x9a6c9329ac4bc9b5}, initial value and final XOR all
 * ones), the checksum PyArrow and recent AWS SDKs send as {@code x-amz-checksum-crc64nvme}. The JDK
 * has no CRC-64 and the AWS SDK's implementation needs the native CRT, hence this small
 * table-driven one.
 */
final class Crc64Nvme implements Checksum {

  private static final long POLYNOMIAL = 0x9a6c9329ac4bc9b5L;
  private static final long[] TABLE = new long[256];

  static {
    for (int i = 0; i < 256; i++) {
      long crc = i;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ POLYNOMIAL : crc >>> 1;
      }
      TABLE[i] = crc;
    }
  }

  private long crc = ~0L;

  @Override
  public void update(int b) {
    crc = TABLE[(int) ((crc ^ b) & 0xff)] ^ (crc >>> 8);
  }

  @Override
  public void update(byte[] b, int off, int len) {
    long value = crc;
    for (int i = off; i < off + len; i++) {
      value = TABLE[(int) ((value ^ b[i]) & 0xff)] ^ (value >>> 8);
    }
    crc = value;
  }

  @Override
  public long getValue() {
    return ~crc;
  }

  @Override
  public void reset() {
    crc = ~0L;
  }
}
