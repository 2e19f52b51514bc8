package dev.floe.auth.sigv4;

import dev.floe.auth.AuthFailure;
import dev.floe.auth.AuthenticationException;
import dev.floe.auth.SignedRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What an S3 request's headers say about its body: how it is protected ({@code
 * x-amz-content-sha256}), how long it is, and which checksums come with it. Checked before the
 * signature so that a request whose body could never be verified is refused up front.
 */
final class DeclaredPayload {

  static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

  static final Map<String, PayloadMode> STREAMING_MODES =
      Map.of(
          "STREAMING-AWS4-HMAC-SHA256-PAYLOAD", PayloadMode.STREAMING_SIGNED,
          "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", PayloadMode.STREAMING_SIGNED_TRAILER,
          "STREAMING-UNSIGNED-PAYLOAD-TRAILER", PayloadMode.STREAMING_UNSIGNED_TRAILER);

  /** {@code x-amz-checksum-*} headers that name settings rather than carry checksum values. */
  private static final Set<String> CHECKSUM_SETTINGS =
      Set.of("x-amz-checksum-algorithm", "x-amz-checksum-type", "x-amz-checksum-mode");

  private final PayloadMode mode;
  private final String payloadHash;
  private final OptionalLong length;
  private final List<ChecksumAlgorithm> trailers;
  private final Map<String, String> headerChecksums;

  private DeclaredPayload(
      PayloadMode mode,
      String payloadHash,
      OptionalLong length,
      List<ChecksumAlgorithm> trailers,
      Map<String, String> headerChecksums) {
    this.mode = mode;
    this.payloadHash = payloadHash;
    this.length = length;
    this.trailers = trailers;
    this.headerChecksums = headerChecksums;
  }

  /**
   * @param payloadHash the payload line of the canonical request: the x-amz-content-sha256 value
   */
  static DeclaredPayload of(SignedRequest request, String payloadHash)
      throws AuthenticationException {
    Map<String, String> headerChecksums = headerChecksums(request);
    PayloadMode streaming = STREAMING_MODES.get(payloadHash);
    if (streaming != null) {
      List<ChecksumAlgorithm> trailers =
          streaming == PayloadMode.STREAMING_SIGNED ? List.of() : declaredTrailers(request);
      return new DeclaredPayload(
          streaming, payloadHash, decodedLength(request), trailers, headerChecksums);
    }
    boolean signed = !payloadHash.equals(UNSIGNED_PAYLOAD);
    if (signed && !Sha256.isHexDigest(payloadHash)) {
      throw new AuthenticationException(
          AuthFailure.CONTENT_SHA256_MISMATCH,
          "x-amz-content-sha256 '"
              + payloadHash
              + "' is not supported: send the hex SHA-256 of the body, UNSIGNED-PAYLOAD, or one"
              + " of the STREAMING-… values.");
    }
    if (!hasBody(request)) {
      if (signed && !payloadHash.equalsIgnoreCase(Sha256.EMPTY)) {
        throw new AuthenticationException(
            AuthFailure.CONTENT_SHA256_MISMATCH,
            "x-amz-content-sha256 is not the SHA-256 of an empty body, but the request has none.");
      }
      return new DeclaredPayload(
          PayloadMode.NO_BODY, payloadHash, OptionalLong.of(0), List.of(), headerChecksums);
    }
    return new DeclaredPayload(
        signed ? PayloadMode.SIGNED : PayloadMode.UNSIGNED,
        payloadHash,
        contentLength(request),
        List.of(),
        headerChecksums);
  }

  static boolean hasBody(SignedRequest request) {
    Optional<String> transferEncoding = request.header("Transfer-Encoding");
    if (transferEncoding.isPresent()
        && !transferEncoding.get().strip().equalsIgnoreCase("identity")) {
      return true;
    }
    return request.header("Content-Length").map(value -> !value.strip().equals("0")).orElse(false);
  }

  /** Ties the declared body to the verified signature that its chunk signatures continue. */
  S3Authentication authenticatedBy(VerifiedSignature signature) {
    S3Authentication.BodyVerification body =
        switch (mode) {
          case NO_BODY -> (wire, sink) -> wire;
          case SIGNED, UNSIGNED -> {
            Optional<String> expectedSha256 =
                mode == PayloadMode.SIGNED ? Optional.of(payloadHash) : Optional.empty();
            yield (wire, sink) ->
                new TailWithholdingInputStream(new PlainBodyStream(wire, length, expectedSha256));
          }
          case STREAMING_SIGNED, STREAMING_SIGNED_TRAILER, STREAMING_UNSIGNED_TRAILER -> {
            Optional<ChunkSignatureChain> chain =
                mode == PayloadMode.STREAMING_UNSIGNED_TRAILER
                    ? Optional.empty()
                    : Optional.of(new ChunkSignatureChain(signature));
            boolean withTrailers = mode != PayloadMode.STREAMING_SIGNED;
            yield (wire, sink) ->
                new TailWithholdingInputStream(
                    new AwsChunkedDecoder(wire, chain, withTrailers, trailers, length, sink));
          }
        };
    return new S3Authentication(signature.principal(), mode, length, headerChecksums, body);
  }

  private static OptionalLong contentLength(SignedRequest request) {
    Optional<String> value = request.header("Content-Length");
    if (value.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(value.get().strip()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static OptionalLong decodedLength(SignedRequest request) throws AuthenticationException {
    Optional<String> value = request.header("x-amz-decoded-content-length");
    if (value.isEmpty()) {
      return OptionalLong.empty();
    }
    long length;
    try {
      length = Long.parseLong(value.get().strip());
    } catch (NumberFormatException e) {
      length = -1;
    }
    if (length < 0) {
      throw new AuthenticationException(
          AuthFailure.INVALID_CHUNK,
          "x-amz-decoded-content-length '" + value.get() + "' is not a number of bytes.");
    }
    return OptionalLong.of(length);
  }

  private static List<ChecksumAlgorithm> declaredTrailers(SignedRequest request)
      throws AuthenticationException {
    List<ChecksumAlgorithm> trailers = new ArrayList<>();
    Optional<String> declared = request.header("x-amz-trailer");
    if (declared.isEmpty() || declared.get().isBlank()) {
      return trailers;
    }
    for (String name : declared.get().split(",")) {
      String trimmed = name.strip();
      Optional<ChecksumAlgorithm> algorithm = ChecksumAlgorithm.forHeader(trimmed);
      if (algorithm.isEmpty()) {
        throw new AuthenticationException(
            AuthFailure.INVALID_CHUNK,
            "The trailer '"
                + trimmed
                + "' is not supported; use x-amz-checksum-crc32, -crc32c, -crc64nvme, -sha1 or"
                + " -sha256.");
      }
      if (!trailers.contains(algorithm.get())) {
        trailers.add(algorithm.get());
      }
    }
    return List.copyOf(trailers);
  }

  private static Map<String, String> headerChecksums(SignedRequest request) {
    Map<String, String> checksums = new HashMap<>();
    for (Map.Entry<String, String> header : request.headers()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (name.startsWith("x-amz-checksum-") && !CHECKSUM_SETTINGS.contains(name)) {
        checksums.putIfAbsent(name, header.getValue().strip());
      }
    }
    return checksums;
  }
}
