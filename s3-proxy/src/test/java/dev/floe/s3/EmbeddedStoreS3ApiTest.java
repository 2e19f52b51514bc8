package dev.floe.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The S3 API contract through Floe in front of the embedded S3Proxy store. */
class EmbeddedStoreS3ApiTest extends S3ApiContract {

  private EmbeddedS3Store store;

  @Override
  BackendTarget startBackend() throws Exception {
    store = EmbeddedS3Store.inMemory();
    return store.target();
  }

  @Override
  void stopBackend() throws Exception {
    store.close();
  }

  @Override
  boolean supportsObjectTagging() {
    return false;
  }

  @Test
  @DisplayName("the embedded store's NotImplemented for tagging reaches the client as such")
  void taggingIsNotImplementedByTheEmbeddedStore() throws Exception {
    try (FloeS3Endpoint endpoint = FloeS3Endpoint.start(store.target());
        S3Client client = endpoint.client()) {
      client.createBucket(b -> b.bucket("tagging-probe"));
      S3Exception refused =
          catchThrowableOfType(
              S3Exception.class,
              () -> client.getObjectTagging(r -> r.bucket("tagging-probe").key("any")));

      assertThat(refused.statusCode()).isEqualTo(501);
      assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
    }
  }
}
