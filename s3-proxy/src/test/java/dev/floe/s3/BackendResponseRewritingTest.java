package dev.floe.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What Floe changes in backend responses so that they never name the backend. */
class BackendResponseRewritingTest {

  private static final BackendTarget BACKEND = new BackendTarget(
      URI.create("http://10.1.2.3:9000"), "us-east-1", "AKIABACKEND", "backend-secret");

  private final BackendErrorSanitizer sanitizer = new BackendErrorSanitizer(BACKEND);

  private static byte[] xml(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("a client error keeps its code and message but loses the backend's details")
  void clientErrorIsKeptWithoutBackendDetails() {
    BackendErrorSanitizer.Sanitized sanitized = sanitizer.sanitize(404, xml(
        "<?xml version=\"1.0\"?><Error><Code>NoSuchKey</Code><Message>The specified key does not"
            + " exist at 10.1.2.3:9000.</Message><Key>a/b</Key><HostId>backend-host</HostId>"
            + "<Endpoint>10.1.2.3:9000</Endpoint><RequestId>R1</RequestId></Error>"),
        "floe.example:9000", "/bucket/a/b", "FLOE1");

    assertThat(sanitized.status()).isEqualTo(404);
    assertThat(text(sanitized.body()))
        .contains("<Code>NoSuchKey</Code>", "<Key>a/b</Key>", "<RequestId>R1</RequestId>",
            "floe.example:9000")
        .doesNotContain("10.1.2.3", "HostId", "Endpoint");
  }

  @Test
  @DisplayName("the backend refusing Floe's signature becomes a bare InternalError")
  void backendAuthenticationFailureIsInternal() {
    BackendErrorSanitizer.Sanitized sanitized = sanitizer.sanitize(403, xml(
        "<Error><Code>SignatureDoesNotMatch</Code><Message>…</Message>"
            + "<AWSAccessKeyId>AKIABACKEND</AWSAccessKeyId><StringToSign>AWS4…</StringToSign>"
            + "</Error>"), "floe:9000", "/b/k", "FLOE2");

    assertThat(sanitized.status()).isEqualTo(500);
    assertThat(text(sanitized.body()))
        .contains("<Code>InternalError</Code>", "<RequestId>FLOE2</RequestId>")
        .doesNotContain("AKIABACKEND", "StringToSign");
  }

  @Test
  @DisplayName("backend failures become generic errors by status")
  void serverErrorsAreGeneric() {
    assertThat(sanitizer.sanitize(503, xml("<Error><Code>SlowDown</Code><Message>busy at "
        + "10.1.2.3</Message></Error>"), "f", "/", "F").status()).isEqualTo(503);
    assertThat(text(sanitizer.sanitize(503, xml("<Error><Code>SlowDown</Code></Error>"), "f",
        "/", "F").body())).contains("<Code>SlowDown</Code>").doesNotContain("10.1.2.3");
    assertThat(text(sanitizer.sanitize(502, xml("<html>bad gateway 10.1.2.3</html>"), "f", "/",
        "F").body())).contains("<Code>InternalError</Code>").doesNotContain("10.1.2.3");
    assertThat(sanitizer.sanitize(501, new byte[0], "f", "/", "F").status()).isEqualTo(501);
  }

  @Test
  @DisplayName("documents with a doctype are not parsed (no entity expansion)")
  void doctypesAreRefused() {
    BackendErrorSanitizer.Sanitized sanitized = sanitizer.sanitize(400, xml(
        "<!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Error><Code>&x;</Code></Error>"),
        "f", "/b", "F");

    assertThat(text(sanitized.body())).doesNotContain("root:").contains("InvalidRequest");
  }

  @Test
  @DisplayName("CompleteMultipartUpload's Location points at Floe, not at the backend")
  void completedUploadLocation() {
    byte[] rewritten = CompletedUploadRewriter.rewrite(xml(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><CompleteMultipartUploadResult "
            + "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Location>http://10.1.2.3:9000/b/k"
            + "</Location><Bucket>b</Bucket><Key>k</Key><ETag>\"e-2\"</ETag>"
            + "</CompleteMultipartUploadResult>"), "http://floe:9000/b/k").orElseThrow();

    assertThat(text(rewritten))
        .contains("<Location>http://floe:9000/b/k</Location>", "<ETag>\"e-2\"</ETag>",
            "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"")
        .doesNotContain("10.1.2.3");
    assertThat(CompletedUploadRewriter.rewrite(xml("<Error><Code>InternalError</Code></Error>"),
        "http://floe/b/k")).isEmpty();
  }

  @Test
  @DisplayName("hop-by-hop headers and the backend's identity stay behind; Location is moved")
  void responseHeaders() {
    HttpFields.Mutable client = HttpFields.build();
    new ReturnedResponseHeaders(BACKEND).copy(HttpFields.build()
        .add("ETag", "\"abc\"")
        .add("Content-Range", "bytes 0-1/2")
        .add("x-amz-meta-color", "blue")
        .add("Connection", "keep-alive")
        .add("Transfer-Encoding", "chunked")
        .add("Server", "MinIO")
        .add("Location", "http://10.1.2.3:9000/bucket/key?x=1"), client, true, "http://floe:9000");

    assertThat(client.get("ETag")).isEqualTo("\"abc\"");
    assertThat(client.get("Content-Range")).isEqualTo("bytes 0-1/2");
    assertThat(client.get("x-amz-meta-color")).isEqualTo("blue");
    assertThat(client.get("Location")).isEqualTo("http://floe:9000/bucket/key?x=1");
    assertThat(client.contains("Connection")).isFalse();
    assertThat(client.contains("Transfer-Encoding")).isFalse();
    assertThat(client.contains("Server")).isFalse();

    HttpFields.Mutable foreign = HttpFields.build();
    new ReturnedResponseHeaders(BACKEND).copy(HttpFields.build()
        .add("Location", "https://bucket.s3.eu-west-1.amazonaws.com/"), foreign, true, "http://f");
    assertThat(foreign.contains("Location")).isFalse();
  }
}
