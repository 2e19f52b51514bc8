package dev.floe.bench;

import java.io.InputStream;
import java.util.Random;

/**
 * A request body of any length made by repeating one pseudo-random block: an upload larger than
 * the client's heap costs no memory and almost no CPU to produce, and its bytes do not compress.
 */
final class PatternedPayload extends InputStream {
  static final int BLOCK_BYTES = 1 << 20;
  private static final byte[] BLOCK = block(42);

  private final long length;
  private long position;

  PatternedPayload(long length) {
    if (length < 0) {
      throw new IllegalArgumentException("A payload cannot be " + length + " bytes long");
    }
    this.length = length;
  }

  /** The same bytes as the first {@code length} of every payload. */
  static byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    for (int offset = 0; offset < length; offset += BLOCK_BYTES) {
      System.arraycopy(BLOCK, 0, bytes, offset, Math.min(BLOCK_BYTES, length - offset));
    }
    return bytes;
  }

  private static byte[] block(long seed) {
    byte[] block = new byte[BLOCK_BYTES];
    new Random(seed).nextBytes(block);
    return block;
  }

  @Override
  public int read() {
    if (position >= length) {
      return -1;
    }
    return BLOCK[(int) (position++ % BLOCK_BYTES)] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int count) {
    if (count == 0) {
      return 0;
    }
    if (position >= length) {
      return -1;
    }
    int start = (int) (position % BLOCK_BYTES);
    int n = (int) Math.min(Math.min(count, BLOCK_BYTES - start), length - position);
    System.arraycopy(BLOCK, start, buffer, offset, n);
    position += n;
    return n;
  }

  @Override
  public int available() {
    return (int) Math.min(Integer.MAX_VALUE, length - position);
  }
}
