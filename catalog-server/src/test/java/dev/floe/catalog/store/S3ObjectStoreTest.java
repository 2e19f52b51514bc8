package dev.floe.catalog.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class S3ObjectStoreTest {
  private static EmbeddedS3 s3;
  private static S3ObjectStore store;
  private static int buckets;
  private String bucket;

  @BeforeAll
  static void startStore() throws Exception {
    s3 = EmbeddedS3.inMemory();
    store = new S3ObjectStore(s3.connection());
  }

  @AfterAll
  static void stopStore() throws Exception {
    store.close();
    s3.close();
  }

  @BeforeEach
  void freshBucket() {
    bucket = "objects-" + ++buckets;
    store.createBucket(bucket);
  }

  @Test
  void readsWhatItWroteWithTheWriteEtag() {
    String etag = store.put(bucket, "a/b.json", bytes("hello"));

    StoredObject read = store.get(bucket, "a/b.json").orElseThrow();

    assertThat(read.body()).isEqualTo(bytes("hello"));
    assertThat(read.etag()).isEqualTo(etag);
    assertThat(store.headEtag(bucket, "a/b.json")).contains(etag);
  }

  @Test
  void readsKeysWhoseNamesNeedEncoding() {
    String key = ".floe/tables/sales%1Fq1 =+&/tâble ~(1).json";
    String etag = store.put(bucket, key, bytes("encoded"));

    StoredObject read = store.get(bucket, key).orElseThrow();

    assertThat(read.body()).isEqualTo(bytes("encoded"));
    assertThat(read.etag()).isEqualTo(etag);
  }

  @Test
  void aRefusedReadIsUnavailableNotAbsent() throws Exception {
    store.put(bucket, "k", bytes("secret"));
    StoreConnection wrongKey =
        new StoreConnection(
            s3.connection().endpoint(), s3.connection().region(), "floe-test", "not-the-secret");
    try (S3ObjectStore refused = new S3ObjectStore(wrongKey)) {
      assertThatThrownBy(() -> refused.get(bucket, "k"))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageContaining("s3://" + bucket + "/k")
          .hasMessageContaining("403");
    }
  }

  @Test
  void absentKeysAndBucketsReadAsEmpty() {
    assertThat(store.get(bucket, "missing")).isEmpty();
    assertThat(store.headEtag(bucket, "missing")).isEmpty();
    assertThat(store.get("no-such-bucket", "missing")).isEmpty();
    assertThat(store.listKeys("no-such-bucket", "")).isEmpty();
    assertThat(store.bucketExists("no-such-bucket")).isFalse();
    assertThat(store.bucketExists(bucket)).isTrue();
  }

  @Test
  void putIfAbsentRefusesAnExistingKey() {
    store.putIfAbsent(bucket, "k", bytes("first"));

    assertThatThrownBy(() -> store.putIfAbsent(bucket, "k", bytes("second")))
        .isInstanceOf(PreconditionFailedException.class);
    assertThat(store.get(bucket, "k").orElseThrow().body()).isEqualTo(bytes("first"));
  }

  @Test
  void putIfMatchSwapsOnlyFromTheCurrentEtag() {
    String first = store.putIfAbsent(bucket, "k", bytes("first"));
    String second = store.putIfMatch(bucket, "k", bytes("second"), first);

    assertThatThrownBy(() -> store.putIfMatch(bucket, "k", bytes("stale"), first))
        .isInstanceOf(PreconditionFailedException.class);
    assertThat(store.get(bucket, "k").orElseThrow().etag()).isEqualTo(second);
  }

  @Test
  void putIfMatchRefusesAnAbsentKey() {
    String etag = store.put(bucket, "other", bytes("x"));

    assertThatThrownBy(() -> store.putIfMatch(bucket, "absent", bytes("x"), etag))
        .isInstanceOf(PreconditionFailedException.class);
    assertThat(store.get(bucket, "absent")).isEmpty();
  }

  @Test
  void concurrentCompareAndSwapLosesNoIncrement() throws Exception {
    store.putIfAbsent(bucket, "counter", bytes("0"));
    int writers = 8;
    int incrementsEach = 25;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<Integer>> results = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      results.add(
          pool.submit(
              () -> {
                int done = 0;
                while (done < incrementsEach) {
                  StoredObject current = store.get(bucket, "counter").orElseThrow();
                  int value = Integer.parseInt(new String(current.body(), StandardCharsets.UTF_8));
                  try {
                    store.putIfMatch(
                        bucket, "counter", bytes(String.valueOf(value + 1)), current.etag());
                    done++;
                  } catch (PreconditionFailedException lost) {
                    Thread.onSpinWait();
                  }
                }
                return done;
              }));
    }
    int acknowledged = 0;
    for (Future<Integer> result : results) {
      acknowledged += result.get(2, TimeUnit.MINUTES);
    }
    pool.shutdown();

    String finalValue =
        new String(store.get(bucket, "counter").orElseThrow().body(), StandardCharsets.UTF_8);
    assertThat(acknowledged).isEqualTo(writers * incrementsEach);
    assertThat(Integer.parseInt(finalValue)).isEqualTo(acknowledged);
  }

  @Test
  void listsEveryPageAndDeletesByPrefix() {
    IntStream.range(0, 1205)
        .forEach(i -> store.put(bucket, String.format("t/%05d", i), bytes("x")));
    store.put(bucket, "keep/me", bytes("x"));

    assertThat(store.listKeys(bucket, "t/")).hasSize(1205).startsWith("t/00000", "t/00001");

    store.deletePrefix(bucket, "t/");

    assertThat(store.listKeys(bucket, "")).containsExactly("keep/me");
  }

  @Test
  void aConditionalWriteIntoAMissingBucketIsNotALostRace() {
    assertThatThrownBy(() -> store.putIfAbsent("no-such-bucket", "k", bytes("x")))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("NoSuchBucket");
  }

  @Test
  void deletesAreIdempotent() {
    store.put(bucket, "k", bytes("x"));

    store.delete(bucket, "k");
    store.delete(bucket, "k");

    assertThat(store.get(bucket, "k")).isEmpty();
  }

  @Test
  void deletesOnlyEmptyBuckets() {
    store.put(bucket, "k", bytes("x"));

    assertThatThrownBy(() -> store.deleteBucket(bucket))
        .isInstanceOf(PreconditionFailedException.class);

    store.delete(bucket, "k");
    store.deleteBucket(bucket);
    store.deleteBucket(bucket);
    assertThat(store.bucketExists(bucket)).isFalse();
  }

  @Test
  void anUnreachableStoreIsUnavailableNotAClientError() throws Exception {
    StoreConnection nowhere =
        new StoreConnection(java.net.URI.create("http://127.0.0.1:1"), "us-east-1", "a", "b");
    try (S3ObjectStore unreachable = new S3ObjectStore(nowhere)) {
      assertThatThrownBy(() -> unreachable.get("b", "k"))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageContaining("s3://b/k");
      assertThatThrownBy(() -> unreachable.putIfAbsent("b", "k", bytes("x")))
          .isInstanceOf(StoreUnavailableException.class);
    }
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
