package dev.floe.catalog.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConditionalWriteProbeTest {
  private static EmbeddedS3 s3;
  private static S3ObjectStore store;

  @BeforeAll
  static void startStore() throws Exception {
    s3 = EmbeddedS3.inMemory();
    store = new S3ObjectStore(s3.connection());
    store.createBucket("probe");
  }

  @AfterAll
  static void stopStore() throws Exception {
    store.close();
    s3.close();
  }

  @Test
  void acceptsAStoreThatHonoursConditionalWritesAndLeavesNothingBehind() {
    ConditionalWriteProbe.verify(store, "probe");

    assertThat(store.listKeys("probe", "")).isEmpty();
  }

  @Test
  void refusesAStoreThatIgnoresConditionsWithAClearMessage() {
    ObjectStore careless = new ConditionsIgnoredStore(store);

    assertThatThrownBy(() -> ConditionalWriteProbe.verify(careless, "probe"))
        .isInstanceOf(UnsupportedStoreException.class)
        .hasMessageContaining("If-None-Match")
        .hasMessageContaining("probe");
    assertThat(store.listKeys("probe", "")).isEmpty();
  }
}
