package dev.floe.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** When the backing store fails or refuses Floe itself, clients learn nothing about it. */
class BackendFailuresTest {

  @Test
  @DisplayName("an unreachable backend is ServiceUnavailable without its address")
  void unreachableBackend() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    BackendTarget nowhere = new BackendTarget(URI.create("http://127.0.0.1:" + closedPort),
        "us-east-1", "backend-key", "backend-secret");
    try (FloeS3Endpoint floe = FloeS3Endpoint.start(nowhere)) {
      TestSigner signer = new TestSigner(floe.port(), FloeS3Endpoint.ACCESS_KEY,
          FloeS3Endpoint.SECRET_KEY, Clock.systemUTC());

      RawHttp.Response failure = RawHttp.send(floe.port(), signer.signedPayload("PUT",
          "/any-bucket/k", Map.of(), "x".getBytes(StandardCharsets.UTF_8)));

      assertThat(failure.status()).isEqualTo(503);
      assertThat(failure.errorCode()).isEqualTo("ServiceUnavailable");
      assertThat(failure.body() + failure.headers())
          .doesNotContain(Integer.toString(closedPort), "backend-key");
    }
  }

  @Test
  @DisplayName("a backend refusing Floe's own keys is an InternalError that names neither")
  void backendRefusesFloesKeys() throws Exception {
    try (EmbeddedS3Store store = EmbeddedS3Store.inMemory()) {
      BackendTarget misconfigured = new BackendTarget(store.target().endpoint(), "us-east-1",
          EmbeddedS3Store.ACCESS_KEY, "not-the-backend-secret");
      try (FloeS3Endpoint floe = FloeS3Endpoint.start(misconfigured)) {
        TestSigner signer = new TestSigner(floe.port(), FloeS3Endpoint.ACCESS_KEY,
            FloeS3Endpoint.SECRET_KEY, Clock.systemUTC());

        RawHttp.Response failure = RawHttp.send(floe.port(),
            signer.signedPayload("PUT", "/refused-bucket", Map.of(), new byte[0]));

        assertThat(failure.status()).isEqualTo(500);
        assertThat(failure.errorCode()).isEqualTo("InternalError");
        assertThat(failure.body() + failure.headers())
            .doesNotContain(EmbeddedS3Store.ACCESS_KEY, "StringToSign", "CanonicalRequest",
                Integer.toString(store.port()));
      }
    }
  }
}
