package dev.floe.auth.sigv4;

import dev.floe.auth.AuthFailure;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The chained signatures of a signed aws-chunked body: each chunk's signature covers its data and
 * the previous signature, starting from the request's seed signature, so chunks cannot be altered,
 * dropped or reordered; the trailer signature continues the chain from the final chunk.
 */
final class ChunkSignatureChain {

  private final SigningKey key;
  private final String timeAndScope;
  private String previous;
  private int chunkNumber;

  ChunkSignatureChain(VerifiedSignature seed) {
    this.key = seed.key();
    this.timeAndScope = seed.time().text() + '\n' + seed.scope().value() + '\n';
    this.previous = seed.signature();
  }

  void verifyChunk(byte[] dataSha256, String claimed) throws BodyVerificationException {
    chunkNumber++;
    String stringToSign =
        "AWS4-HMAC-SHA256-PAYLOAD\n"
            + timeAndScope
            + previous
            + '\n'
            + Sha256.EMPTY
            + '\n'
            + HexFormat.of().formatHex(dataSha256);
    check(stringToSign, claimed, "chunk " + chunkNumber);
  }

  void verifyTrailer(String canonicalTrailer, String claimed) throws BodyVerificationException {
    String stringToSign =
        "AWS4-HMAC-SHA256-TRAILER\n"
            + timeAndScope
            + previous
            + '\n'
            + Sha256.hex(canonicalTrailer.getBytes(StandardCharsets.UTF_8));
    check(stringToSign, claimed, "the trailer");
  }

  private void check(String stringToSign, String claimed, String what)
      throws BodyVerificationException {
    if (!MessageDigest.isEqual(
        key.sign(stringToSign).getBytes(StandardCharsets.US_ASCII),
        claimed.getBytes(StandardCharsets.US_ASCII))) {
      throw new BodyVerificationException(
          AuthFailure.SIGNATURE_MISMATCH,
          "The signature of "
              + what
              + " of the aws-chunked body does not match. String to sign: \""
              + stringToSign
              + "\"");
    }
    previous = claimed;
  }
}
