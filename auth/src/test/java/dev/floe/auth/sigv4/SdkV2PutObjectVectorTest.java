package dev.floe.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.auth.AuthFailure;
import dev.floe.auth.AuthenticationException;
import dev.floe.auth.SignedRequest;
import dev.floe.auth.StaticCredentialStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A PutObject of "hello" to bucket1/k captured from the AWS SDK for Java v2 over HTTP:
 * STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER with a CRC32 trailer, key "a", secret "b".
 */
class SdkV2PutObjectVectorTest {

  private static final Pattern HEADER = Pattern.compile("([a-z0-9-]+)=\\[([^\\]]*)\\] ");
  private static final Clock SIGNING_TIME =
      Clock.fixed(Instant.parse("2026-11-22T04:55:54Z"), ZoneOffset.UTC);

  private static final List<Map.Entry<String, String>> HEADERS = new ArrayList<>();
  private static final byte[] BODY;

  static {
    try (InputStream in =
        SdkV2PutObjectVectorTest.class.getResourceAsStream("/sigv4-sdkv2-putobject.txt")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      Matcher header = HEADER.matcher(lines[1].substring("PUT ".length()));
      while (header.find()) {
        HEADERS.add(Map.entry(header.group(1), header.group(2)));
      }
      String body = lines[2].strip().substring("body=".length());
      BODY = body.replace("\\r\\n", "\r\n").getBytes(StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static S3Authentication authenticate(List<Map.Entry<String, String>> headers)
      throws AuthenticationException {
    return new S3RequestVerifier(StaticCredentialStore.root("a", "b"), SIGNING_TIME)
        .authenticate(new SignedRequest("PUT", "/bucket1/k", "", headers));
  }

  private static byte[] decode(S3Authentication authentication, byte[] body) throws IOException {
    try (InputStream decoded = authentication.verifiedBody(new ByteArrayInputStream(body))) {
      return decoded.readAllBytes();
    }
  }

  @Test
  void theCapturedRequestVerifiesAndDecodesToHello() throws Exception {
    S3Authentication authentication = authenticate(HEADERS);

    assertThat(HEADERS).hasSize(14);
    assertThat(BODY).hasSize(298);
    assertThat(authentication.principal().accessKeyId()).isEqualTo("a");
    assertThat(authentication.payloadMode()).isEqualTo(PayloadMode.STREAMING_SIGNED_TRAILER);
    assertThat(authentication.decodedContentLength()).hasValue(5);
    assertThat(authentication.checksums()).isEmpty();
    assertThat(new String(decode(authentication, BODY), StandardCharsets.UTF_8)).isEqualTo("hello");
    assertThat(authentication.checksums())
        .containsExactly(Map.entry("x-amz-checksum-crc32", "NhCmhg=="));
  }

  static Stream<Integer> everyBodyOffset() {
    return IntStream.range(0, BODY.length).boxed();
  }

  /** Chunk sizes, data, chunk signatures, the trailer value and its signature, and the framing. */
  @ParameterizedTest
  @MethodSource("everyBodyOffset")
  void alteringAnyByteOfTheBodyIsRefused(int offset) throws Exception {
    byte[] altered = BODY.clone();
    altered[offset] = (byte) (altered[offset] == '0' ? '1' : altered[offset] ^ 0x01);
    S3Authentication authentication = authenticate(HEADERS);

    assertThatThrownBy(() -> decode(authentication, altered))
        .isInstanceOf(BodyVerificationException.class);
  }

  @Test
  void eachKindOfBodyAlterationFailsForItsOwnReason() throws Exception {
    assertThat(failureAfterReplacing("hello", "hellp")).isEqualTo(AuthFailure.SIGNATURE_MISMATCH);
    assertThat(failureAfterReplacing("3eebb5f4", "3eebb5f5"))
        .isEqualTo(AuthFailure.SIGNATURE_MISMATCH);
    assertThat(failureAfterReplacing("d2d6c834", "d2d6c835"))
        .isEqualTo(AuthFailure.SIGNATURE_MISMATCH);
    assertThat(failureAfterReplacing("NhCmhg==", "NhCmhh=="))
        .isEqualTo(AuthFailure.SIGNATURE_MISMATCH);
    assertThat(failureAfterReplacing("85136587", "85136588"))
        .isEqualTo(AuthFailure.SIGNATURE_MISMATCH);
    assertThat(failureAfterReplacing("5;chunk", "6;chunk")).isEqualTo(AuthFailure.INVALID_CHUNK);
  }

  private static AuthFailure failureAfterReplacing(String original, String replacement)
      throws Exception {
    String body = new String(BODY, StandardCharsets.US_ASCII);
    assertThat(body).contains(original);
    byte[] altered = body.replace(original, replacement).getBytes(StandardCharsets.US_ASCII);
    S3Authentication authentication = authenticate(HEADERS);
    try {
      decode(authentication, altered);
    } catch (BodyVerificationException e) {
      return e.failure();
    }
    throw new AssertionError("the altered body was accepted");
  }

  static Stream<Integer> everySignedHeader() {
    return IntStream.range(0, HEADERS.size())
        .filter(i -> !HEADERS.get(i).getKey().equals("authorization"))
        .filter(i -> !List.of("user-agent", "connection").contains(HEADERS.get(i).getKey()))
        .boxed();
  }

  @ParameterizedTest
  @MethodSource("everySignedHeader")
  void alteringAnySignedHeaderIsRefused(int index) {
    List<Map.Entry<String, String>> altered = new ArrayList<>(HEADERS);
    Map.Entry<String, String> header = altered.get(index);
    altered.set(index, Map.entry(header.getKey(), header.getValue() + "0"));

    assertThatThrownBy(() -> authenticate(altered))
        .isInstanceOf(AuthenticationException.class)
        .extracting(e -> ((AuthenticationException) e).failure())
        .isIn(
            AuthFailure.SIGNATURE_MISMATCH,
            AuthFailure.MALFORMED_AUTHORIZATION,
            AuthFailure.CONTENT_SHA256_MISMATCH,
            AuthFailure.INVALID_CHUNK);
  }

  @Test
  void headersTheClientDidNotSignMayChange() throws Exception {
    List<Map.Entry<String, String>> altered = new ArrayList<>(HEADERS);
    altered.replaceAll(
        h -> h.getKey().equals("user-agent") ? Map.entry("user-agent", "curl/8") : h);

    assertThat(decode(authenticate(altered), BODY)).asString().isEqualTo("hello");
  }
}
