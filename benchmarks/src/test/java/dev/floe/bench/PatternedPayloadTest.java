package dev.floe.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class PatternedPayloadTest {

  @Test
  void yieldsExactlyItsLengthAcrossBlockBoundaries() throws IOException {
    int length = 2 * PatternedPayload.BLOCK_BYTES + 12_345;

    byte[] read = new PatternedPayload(length).readAllBytes();

    assertThat(read).hasSize(length).isEqualTo(PatternedPayload.bytes(length));
  }

  @Test
  void repeatsOneBlock() {
    byte[] bytes = PatternedPayload.bytes(PatternedPayload.BLOCK_BYTES + 100);

    for (int i = 0; i < 100; i++) {
      assertThat(bytes[PatternedPayload.BLOCK_BYTES + i]).isEqualTo(bytes[i]);
    }
  }

  @Test
  void singleByteAndBulkReadsAgree() throws IOException {
    PatternedPayload single = new PatternedPayload(1000);
    ByteArrayOutputStream bytewise = new ByteArrayOutputStream();
    for (int b; (b = single.read()) >= 0; ) {
      bytewise.write(b);
    }

    assertThat(bytewise.toByteArray()).isEqualTo(new PatternedPayload(1000).readAllBytes());
  }

  @Test
  void endsWithMinusOneAndAnEmptyReadReadsNothing() {
    PatternedPayload payload = new PatternedPayload(3);
    byte[] buffer = new byte[10];

    assertThat(payload.read(buffer, 0, 0)).isZero();
    assertThat(payload.read(buffer, 0, 10)).isEqualTo(3);
    assertThat(payload.read(buffer, 0, 10)).isEqualTo(-1);
    assertThat(payload.read()).isEqualTo(-1);
    assertThat(payload.available()).isZero();
  }

  @Test
  void refusesANegativeLength() {
    assertThatThrownBy(() -> new PatternedPayload(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
