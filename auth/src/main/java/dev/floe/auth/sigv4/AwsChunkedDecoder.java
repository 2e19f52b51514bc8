package dev.floe.auth.sigv4;

import dev.floe.auth.AuthFailure;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Decodes an {@code aws-chunked} body ({@code <hex size>[;chunk-signature=<sig>]\r\n<data>\r\n} … a
 * final 0-size chunk, then trailers if any) into the payload it carries, verifying as it goes:
 * chunk signatures (when a chain is given), declared trailers and their checksums, the trailer
 * signature, and {@code x-amz-decoded-content-length}. Data is streamed, never buffered, so memory
 * stays bounded whatever the chunk size; chunks are still capped at {@link #MAX_CHUNK_SIZE} so that
 * a garbled size fails fast. The end of the stream is reported only after every check has passed.
 */
final class AwsChunkedDecoder extends InputStream {

  static final int MAX_CHUNK_SIZE = 16 << 20;

  private static final int MAX_LINE = 4096;
  private static final int MAX_TRAILER_LINES = 16;
  private static final String CHUNK_SIGNATURE = "chunk-signature=";
  private static final String TRAILER_SIGNATURE = "x-amz-trailer-signature";
  private static final Pattern HEX_SIZE = Pattern.compile("[0-9a-fA-F]{1,8}");
  private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern OPTIONAL_WHITESPACE = Pattern.compile("^[ \\t]+|[ \\t]+$");

  private final InputStream wire;
  private final Optional<ChunkSignatureChain> chain;
  private final boolean withTrailers;
  private final Map<String, ChecksumAlgorithm.RunningChecksum> checksums = new LinkedHashMap<>();
  private final OptionalLong decodedLength;
  private final Consumer<Map<String, String>> trailerSink;
  private final MessageDigest chunkDigest = Sha256.newDigest();

  private long remainingInChunk;
  private String chunkSignature;
  private long decoded;
  private boolean ended;
  private BodyVerificationException failure;

  /**
   * @param chain the signature chain for signed chunks; empty for unsigned chunks
   * @param withTrailers whether trailers follow the final chunk
   * @param declaredTrailers the checksum trailers named by {@code x-amz-trailer}
   * @param trailerSink receives the trailers (lower-case names) once everything has verified
   */
  AwsChunkedDecoder(
      InputStream wire,
      Optional<ChunkSignatureChain> chain,
      boolean withTrailers,
      List<ChecksumAlgorithm> declaredTrailers,
      OptionalLong decodedLength,
      Consumer<Map<String, String>> trailerSink) {
    this.wire = new BufferedInputStream(wire, 8192);
    this.chain = chain;
    this.withTrailers = withTrailers;
    this.decodedLength = decodedLength;
    this.trailerSink = trailerSink;
    for (ChecksumAlgorithm algorithm : declaredTrailers) {
      checksums.put(algorithm.headerName(), algorithm.start());
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (failure != null) {
      throw failure;
    }
    if (ended) {
      return -1;
    }
    if (length == 0) {
      return 0;
    }
    try {
      while (remainingInChunk == 0) {
        if (!startChunk()) {
          ended = true;
          return -1;
        }
      }
      int n = wire.read(buffer, offset, (int) Math.min(length, remainingInChunk));
      if (n < 0) {
        throw new BodyVerificationException(
            AuthFailure.INCOMPLETE_BODY,
            "The aws-chunked body ended inside a chunk, " + remainingInChunk + " bytes short.");
      }
      if (chain.isPresent()) {
        chunkDigest.update(buffer, offset, n);
      }
      for (ChecksumAlgorithm.RunningChecksum checksum : checksums.values()) {
        checksum.update(buffer, offset, n);
      }
      remainingInChunk -= n;
      decoded += n;
      if (remainingInChunk == 0) {
        endChunk();
      }
      return n;
    } catch (BodyVerificationException e) {
      failure = e;
      throw e;
    }
  }

  /**
   * Reads a chunk header; returns false once the final chunk and everything after it checked out.
   */
  private boolean startChunk() throws IOException {
    String line = readLine();
    if (line == null) {
      throw new BodyVerificationException(
          AuthFailure.INCOMPLETE_BODY,
          "The aws-chunked body ended without its final 0-size chunk.");
    }
    String[] parts = line.split(";", -1);
    String size = parts[0];
    if (!HEX_SIZE.matcher(size).matches()) {
      throw invalid("Chunk header '" + line + "' does not start with a hexadecimal size.");
    }
    long chunkSize = Long.parseLong(size, 16);
    if (chunkSize > MAX_CHUNK_SIZE) {
      throw invalid(
          "A chunk of " + chunkSize + " bytes exceeds the limit of " + MAX_CHUNK_SIZE + " bytes.");
    }
    chunkSignature = null;
    for (int i = 1; i < parts.length; i++) {
      if (parts[i].startsWith(CHUNK_SIGNATURE)) {
        chunkSignature = parts[i].substring(CHUNK_SIGNATURE.length());
      }
    }
    if (chain.isPresent()
        && (chunkSignature == null || !SIGNATURE.matcher(chunkSignature).matches())) {
      throw invalid("Chunk header '" + line + "' lacks a valid chunk-signature.");
    }
    if (decodedLength.isPresent() && decoded + chunkSize > decodedLength.getAsLong()) {
      throw invalid(
          "The chunks carry more than the "
              + decodedLength.getAsLong()
              + " bytes declared in x-amz-decoded-content-length.");
    }
    if (chunkSize == 0) {
      finish();
      return false;
    }
    remainingInChunk = chunkSize;
    return true;
  }

  private void endChunk() throws IOException {
    String separator = readLine();
    if (separator == null) {
      throw new BodyVerificationException(
          AuthFailure.INCOMPLETE_BODY, "The aws-chunked body ended after a chunk's data.");
    }
    if (!separator.isEmpty()) {
      throw invalid("A chunk's data is longer than its declared size.");
    }
    if (chain.isPresent()) {
      chain.get().verifyChunk(chunkDigest.digest(), chunkSignature);
    }
  }

  private void finish() throws IOException {
    if (chain.isPresent()) {
      chain.get().verifyChunk(chunkDigest.digest(), chunkSignature);
    }
    List<String> trailerLines = withTrailers ? readTrailerLines() : readFinalLine();
    Map<String, String> trailers = new LinkedHashMap<>();
    StringBuilder canonicalTrailer = new StringBuilder();
    String trailerSignature = null;
    for (String line : trailerLines) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw invalid("Trailer line '" + line + "' is not of the form name:value.");
      }
      String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
      String value = OPTIONAL_WHITESPACE.matcher(line.substring(colon + 1)).replaceAll("");
      if (name.equals(TRAILER_SIGNATURE)) {
        if (!SIGNATURE.matcher(value).matches()) {
          throw invalid("x-amz-trailer-signature must be 64 lower-case hex digits.");
        }
        trailerSignature = value;
        continue;
      }
      if (!checksums.containsKey(name)) {
        throw invalid("Trailer '" + name + "' was not declared in x-amz-trailer.");
      }
      if (trailers.put(name, value) != null) {
        throw invalid("Trailer '" + name + "' appears twice.");
      }
      canonicalTrailer.append(line).append('\n');
    }
    if (chain.isPresent() && withTrailers) {
      if (trailerSignature == null) {
        throw new BodyVerificationException(
            AuthFailure.INCOMPLETE_BODY,
            "The aws-chunked body ended without x-amz-trailer-signature.");
      }
      chain.get().verifyTrailer(canonicalTrailer.toString(), trailerSignature);
    }
    for (Map.Entry<String, ChecksumAlgorithm.RunningChecksum> checksum : checksums.entrySet()) {
      String sent = trailers.get(checksum.getKey());
      if (sent == null) {
        throw new BodyVerificationException(
            AuthFailure.INCOMPLETE_BODY,
            "The trailer " + checksum.getKey() + " declared in x-amz-trailer never arrived.");
      }
      String computed = checksum.getValue().base64();
      if (!sent.equals(computed)) {
        throw new BodyVerificationException(
            AuthFailure.BAD_DIGEST,
            "The "
                + checksum.getKey()
                + " you specified ("
                + sent
                + ") did not match the calculated checksum ("
                + computed
                + ").");
      }
    }
    if (decodedLength.isPresent() && decoded != decodedLength.getAsLong()) {
      throw new BodyVerificationException(
          AuthFailure.INCOMPLETE_BODY,
          "The chunks carry "
              + decoded
              + " bytes but x-amz-decoded-content-length declares "
              + decodedLength.getAsLong()
              + ".");
    }
    trailerSink.accept(trailers);
  }

  /** Without trailers the final chunk is followed by one empty line and the end of the body. */
  private List<String> readFinalLine() throws IOException {
    String line = readLine();
    if (line == null) {
      throw new BodyVerificationException(
          AuthFailure.INCOMPLETE_BODY, "The aws-chunked body ended without its final CRLF.");
    }
    if (!line.isEmpty()) {
      throw invalid("Unexpected trailer '" + line + "' after the final chunk; none was declared.");
    }
    requireEnd();
    return List.of();
  }

  /**
   * SDKs write the trailers right after the final chunk and end with an empty line; AWS's own
   * documentation example puts an empty line before them and none after. Both are accepted.
   */
  private List<String> readTrailerLines() throws IOException {
    List<String> lines = new ArrayList<>();
    boolean leadingBlankSeen = false;
    while (true) {
      String line = readLine();
      if (line == null) {
        return lines;
      }
      if (line.isEmpty()) {
        if (lines.isEmpty() && !leadingBlankSeen) {
          leadingBlankSeen = true;
          continue;
        }
        requireEnd();
        return lines;
      }
      if (lines.size() == MAX_TRAILER_LINES) {
        throw invalid("More than " + MAX_TRAILER_LINES + " trailer lines.");
      }
      lines.add(line);
    }
  }

  private void requireEnd() throws IOException {
    if (wire.read() >= 0) {
      throw invalid("Unexpected data after the end of the aws-chunked body.");
    }
  }

  /** A line without its CRLF, or null at the end of the body. */
  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(96);
    while (true) {
      int b = wire.read();
      if (b < 0) {
        if (line.size() == 0) {
          return null;
        }
        throw new BodyVerificationException(
            AuthFailure.INCOMPLETE_BODY, "The aws-chunked body ended in the middle of a line.");
      }
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        if (bytes.length == 0 || bytes[bytes.length - 1] != '\r') {
          throw invalid("aws-chunked lines must end with CRLF.");
        }
        return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
      }
      if (line.size() == MAX_LINE) {
        throw invalid(
            "An aws-chunked header or trailer line is longer than " + MAX_LINE + " bytes.");
      }
      line.write(b);
    }
  }

  private static BodyVerificationException invalid(String message) {
    return new BodyVerificationException(AuthFailure.INVALID_CHUNK, message);
  }

  @Override
  public void close() throws IOException {
    wire.close();
  }
}
