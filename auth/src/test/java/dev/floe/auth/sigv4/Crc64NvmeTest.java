package dev.floe.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Crc64NvmeTest {

  /** The check value of CRC-64/NVME in the CRC catalogue (reveng): the CRC of "123456789". */
  @Test
  void matchesTheCatalogueCheckValue() {
    Crc64Nvme crc = new Crc64Nvme();
    crc.update("123456789".getBytes(StandardCharsets.US_ASCII));

    assertThat(crc.getValue()).isEqualTo(0xae8b14860a799888L);
  }

  @Test
  void feedingByteByByteOrInPiecesGivesTheSameValue() {
    byte[] data = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);
    Crc64Nvme whole = new Crc64Nvme();
    whole.update(data, 0, data.length);
    Crc64Nvme pieces = new Crc64Nvme();
    for (byte b : data) {
      pieces.update(b);
    }

    assertThat(pieces.getValue()).isEqualTo(whole.getValue());
    whole.reset();
    assertThat(whole.getValue()).isZero();
  }

  @Test
  void isWrittenAsBase64OfEightBigEndianBytes() {
    ChecksumAlgorithm.RunningChecksum checksum = ChecksumAlgorithm.CRC64NVME.start();
    byte[] data = "123456789".getBytes(StandardCharsets.US_ASCII);
    checksum.update(data, 0, data.length);

    assertThat(checksum.base64()).isEqualTo("rosUhgp5mIg=");
  }
}
