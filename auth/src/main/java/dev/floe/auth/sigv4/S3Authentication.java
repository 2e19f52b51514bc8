package dev.floe.auth.sigv4;

import dev.floe.auth.Principal;
import java.io.InputStream;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The outcome of authenticating an S3 request's headers; the body is verified as it streams.
 *
 * <p><b>Contract with a streaming consumer.</b> The stream returned by {@link
 * #verifiedBody(InputStream)} withholds the last byte of the decoded payload until every check that
 * depends on the end of the body has passed: the final chunk signature, the trailer signature,
 * trailer checksums, the whole-body SHA-256 of a signed payload, and the decoded length. A failed
 * check surfaces as a {@link BodyVerificationException} from {@code read()}. A proxy that forwards
 * the body with a fixed {@code Content-Length} (the decoded length) and aborts the upstream request
 * on that exception therefore never lets the backend see a complete body that failed verification.
 * Bytes before the last one may already have been delivered when an earlier chunk fails its
 * signature; the upstream request is still incomplete and must be aborted.
 */
public final class S3Authentication {

  /** Builds the decoding, verifying stream for a body; trailers go to the given sink. */
  interface BodyVerification {
    InputStream open(InputStream wireBody, Consumer<Map<String, String>> trailerSink);
  }

  private final Principal principal;
  private final PayloadMode payloadMode;
  private final OptionalLong decodedContentLength;
  private final Map<String, String> checksums;
  private final BodyVerification bodyVerification;
  private final AtomicBoolean bodyOpened = new AtomicBoolean();

  S3Authentication(
      Principal principal,
      PayloadMode payloadMode,
      OptionalLong decodedContentLength,
      Map<String, String> headerChecksums,
      BodyVerification bodyVerification) {
    this.principal = principal;
    this.payloadMode = payloadMode;
    this.decodedContentLength = decodedContentLength;
    this.checksums = new ConcurrentHashMap<>(headerChecksums);
    this.bodyVerification = bodyVerification;
  }

  public Principal principal() {
    return principal;
  }

  public PayloadMode payloadMode() {
    return payloadMode;
  }

  /**
   * Content length of the decoded payload: {@code x-amz-decoded-content-length} for aws-chunked,
   * else {@code Content-Length} (0 for a request without a body); empty if unknown.
   */
  public OptionalLong decodedContentLength() {
    return decodedContentLength;
  }

  /**
   * Checksum values ({@code x-amz-checksum-<algorithm>}, lower-case names, base64 values) the
   * client sent as headers or as trailers. Header values are passed on unverified (the backend
   * verifies them); trailer values are verified against the decoded payload and appear here only
   * after the verified body has been fully read.
   */
  public Map<String, String> checksums() {
    return Map.copyOf(checksums);
  }

  /**
   * Wraps the raw body as it arrives on the wire (after the HTTP server has removed any {@code
   * Transfer-Encoding: chunked} layer) and returns the decoded payload. May be called once.
   */
  public InputStream verifiedBody(InputStream wireBody) {
    if (!bodyOpened.compareAndSet(false, true)) {
      throw new IllegalStateException("the body of a request can be verified only once");
    }
    return bodyVerification.open(wireBody, checksums::putAll);
  }
}
