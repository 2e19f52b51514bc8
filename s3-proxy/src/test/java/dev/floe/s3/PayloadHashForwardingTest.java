package dev.floe.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the store is told about a forwarded body: a client that signed its body's SHA-256 has
 * that hash passed on, so the store checks the bytes it keeps as well as Floe does; a body Floe
 * alone can vouch for (aws-chunked, unsigned) is declared {@code UNSIGNED-PAYLOAD}. The store here
 * records what reaches it and accepts everything.
 */
class PayloadHashForwardingTest {

  private static final byte[] BODY = "hello, store".getBytes(StandardCharsets.UTF_8);

  private final Map<String, String> received = new ConcurrentHashMap<>();
  private Server recordingStore;
  private FloeS3Endpoint floe;
  private TestSigner signer;

  @BeforeEach
  void start() throws Exception {
    recordingStore = new Server();
    ServerConnector connector = new ServerConnector(recordingStore);
    connector.setHost("127.0.0.1");
    recordingStore.addConnector(connector);
    recordingStore.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback)
          throws Exception {
        received.put("x-amz-content-sha256",
            request.getHeaders().get("x-amz-content-sha256"));
        received.put("authorization", request.getHeaders().get("Authorization"));
        received.put("body", Content.Source.asString(request, StandardCharsets.UTF_8));
        response.getHeaders().put("ETag", "\"e\"");
        callback.succeeded();
        return true;
      }
    });
    recordingStore.start();
    floe = FloeS3Endpoint.start(new BackendTarget(
        URI.create("http://127.0.0.1:" + connector.getLocalPort()), "us-east-1", "store-key",
        "store-secret"));
    signer = new TestSigner(floe.port(), FloeS3Endpoint.ACCESS_KEY, FloeS3Endpoint.SECRET_KEY,
        Clock.systemUTC());
  }

  @AfterEach
  void stop() throws Exception {
    floe.close();
    recordingStore.stop();
  }

  @Test
  @DisplayName("a body signed with its SHA-256 reaches the store with that hash to check")
  void signedPayloadHashIsPassedOn() throws Exception {
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(BODY));

    RawHttp.Response response =
        RawHttp.send(floe.port(), signer.signedPayload("PUT", "/bucket/key", Map.of(), BODY));

    assertThat(response.status()).isEqualTo(200);
    assertThat(received)
        .containsEntry("x-amz-content-sha256", sha256)
        .containsEntry("body", "hello, store");
    assertThat(received.get("authorization")).contains("Credential=store-key/");
  }

  @Test
  @DisplayName("a body without a signed hash is declared UNSIGNED-PAYLOAD to the store")
  void otherBodiesAreDeclaredUnsigned() throws Exception {
    RawHttp.Response response =
        RawHttp.send(floe.port(), signer.unsignedPayload("PUT", "/bucket/key", Map.of(), BODY));

    assertThat(response.status()).isEqualTo(200);
    assertThat(received)
        .containsEntry("x-amz-content-sha256", "UNSIGNED-PAYLOAD")
        .containsEntry("body", "hello, store");
  }
}
