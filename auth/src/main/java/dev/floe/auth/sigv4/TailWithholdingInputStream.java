package dev.floe.auth.sigv4;

import java.io.IOException;
import java.io.InputStream;

/**
 * Delivers everything the verifying stream beneath it produces except the last byte, which it
 * releases only once that stream has reported its end. The verifying streams run every end-of-body
 * check (final chunk signature, trailer signature and checksum, whole-body digest, length) before
 * they report the end, so a consumer that forwards with a fixed {@code Content-Length} never
 * completes a body that fails verification.
 */
final class TailWithholdingInputStream extends InputStream {

  private static final int NONE = -1;

  private final InputStream verifying;
  private int withheld = NONE;
  private boolean ended;

  TailWithholdingInputStream(InputStream verifying) {
    this.verifying = verifying;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (ended) {
      return -1;
    }
    if (withheld == NONE) {
      withheld = verifying.read();
      if (withheld < 0) {
        withheld = NONE;
        ended = true;
        return -1;
      }
    }
    if (length == 1) {
      int next = verifying.read();
      buffer[offset] = (byte) withheld;
      if (next < 0) {
        ended = true;
        withheld = NONE;
      } else {
        withheld = next;
      }
      return 1;
    }
    buffer[offset] = (byte) withheld;
    int n = verifying.read(buffer, offset + 1, length - 1);
    if (n < 0) {
      withheld = NONE;
      ended = true;
      return 1;
    }
    // Hand out the byte held before and all but the last one just read; keep that one back.
    withheld = buffer[offset + n] & 0xff;
    return n;
  }

  @Override
  public void close() throws IOException {
    verifying.close();
  }
}
