package dev.floe.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The benchmark's requests and its concurrent scenario against a real S3Proxy on loopback. */
class S3RequestTest {
  private static final String BUCKET = "requests";

  @TempDir static Path directory;
  private static SharedStore store;
  private static S3Client client;

  @BeforeAll
  static void startStore() throws Exception {
    store = SharedStore.start(directory);
    store.createBucket(BUCKET);
    client = new S3Target("store", store.endpoint(), store.accessKey(), store.secretKey()).newClient();
  }

  @AfterAll
  static void stopStore() {
    client.close();
    store.close();
  }

  @Test
  void aWrittenObjectReadsBackWhole() {
    S3Request.put(client, BUCKET, "whole", RequestBody.fromBytes(PatternedPayload.bytes(70_000)));

    S3Request.get(client, BUCKET, "whole", 70_000);
  }

  @Test
  void aShortReadNamesTheRequestAndBothLengths() {
    S3Request.put(client, BUCKET, "short", RequestBody.fromBytes(PatternedPayload.bytes(10)));

    assertThatThrownBy(() -> S3Request.get(client, BUCKET, "short", 11))
        .hasMessage("GET /requests/short returned 10 bytes, expected 11");
  }

  @Test
  void aRefusedRequestNamesTheRequestAndTheStatus() {
    assertThatThrownBy(() -> S3Request.get(client, BUCKET, "missing", 1))
        .hasMessageStartingWith("GET /requests/missing failed after 0 bytes: NoSuchKeyException")
        .hasMessageContaining("Status Code: 404");
  }

  @Test
  void aRequestToNobodyNamesTheRequest() throws Exception {
    URI nobody = URI.create("http://127.0.0.1:" + ServerProcess.freeLoopbackPort());
    try (S3Client unreachable = new S3Target("nobody", nobody, "a", "b").newClient()) {
      assertThatThrownBy(() -> S3Request.put(unreachable, BUCKET, "k", RequestBody.fromString("x")))
          .hasMessageStartingWith("PUT /requests/k failed: ");
    }
  }

  @Test
  void concurrentClientsCountEveryRequest() throws Exception {
    double perSecond = new TinyObjectOperations(client, BUCKET, "tiny/").run(3, 2);

    assertThat(perSecond).isPositive();
    assertThat(client.listObjectsV2(request -> request.bucket(BUCKET).prefix("tiny/")).keyCount()).isEqualTo(6);
  }
}
