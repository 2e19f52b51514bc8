package dev.floe.s3;

import dev.floe.auth.sigv4.CredentialScope;
import dev.floe.auth.sigv4.SigningKey;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Signs forwarded requests with the backend's keys (SigV4, service {@code s3}, header
 * authentication). The payload hash is the client's own hex SHA-256 where it sent one, so that the
 * backend checks the bytes it stores as well; otherwise {@code UNSIGNED-PAYLOAD}: Floe has verified
 * the client's body itself and withholds its last byte until every check passed, so the backend
 * never receives a complete body that failed verification, and hashing the body before sending it
 * would mean reading it twice, which a streaming proxy must not do.
 *
 * <p>The request is already in its final form: the path and query are AWS-encoded exactly once
 * ({@link PercentCoding}), so they are the canonical URI and, sorted, the canonical query. Every
 * header is signed except those that proxies and clients rewrite on the way ({@link
 * #UNSIGNED_HEADERS}), as the AWS SDK does. The time header is formatted once per second;
 * signing keys come from {@link SigningKey}, which derives each once per secret and day.
 */
final class BackendSigner {

  static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

  private static final String ALGORITHM = "AWS4-HMAC-SHA256";
  private static final String SERVICE = "s3";
  private static final Set<String> UNSIGNED_HEADERS =
      Set.of("user-agent", "expect", "connection", "x-amzn-trace-id");
  private static final DateTimeFormatter SIGNING_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final HexFormat HEX = HexFormat.of();

  private final String accessKeyId;
  private final String host;
  private final String secretKey;
  private final String region;
  private final Clock clock;
  private volatile SigningTime lastTime = new SigningTime(Long.MIN_VALUE, "");

  /** {@code X-Amz-Date} of one second, kept because many requests share it. */
  private record SigningTime(long epochSecond, String text) {}

  BackendSigner(BackendTarget backend, Clock clock) {
    this.accessKeyId = backend.accessKeyId();
    this.host = host(backend.endpoint());
    this.secretKey = backend.secretKey();
    this.region = backend.region();
    this.clock = clock;
  }

  /**
   * The headers to send: {@code Host} (as signed), the given ones in their order, then {@code
   * X-Amz-Date}, {@code x-amz-content-sha256} and {@code Authorization}.
   *
   * @param uri the request URI below the backend's endpoint, path and query AWS-encoded
   * @param headers the headers to forward; none of them {@code Host} or Floe's own
   * @param payloadHash the body's lower-case hex SHA-256, or {@link #UNSIGNED_PAYLOAD}
   */
  List<Map.Entry<String, String>> sign(
      String method, URI uri, List<Map.Entry<String, String>> headers, String payloadHash) {
    String time = signingTime();
    CredentialScope scope = new CredentialScope(time.substring(0, 8), region, SERVICE);
    List<Map.Entry<String, String>> sent = new ArrayList<>(headers.size() + 4);
    sent.add(Map.entry("Host", host));
    sent.addAll(headers);
    sent.add(Map.entry("X-Amz-Date", time));
    sent.add(Map.entry("x-amz-content-sha256", payloadHash));

    TreeMap<String, String> canonicalHeaders = canonicalHeaders(sent);
    String signedHeaders = String.join(";", canonicalHeaders.keySet());
    String stringToSign =
        ALGORITHM
            + '\n'
            + time
            + '\n'
            + scope.value()
            + '\n'
            + sha256Hex(
                canonicalRequest(method, uri, canonicalHeaders, signedHeaders, payloadHash));
    String signature = SigningKey.derive(secretKey, scope).sign(stringToSign);
    sent.add(
        Map.entry(
            "Authorization",
            ALGORITHM
                + " Credential="
                + accessKeyId
                + '/'
                + scope.value()
                + ", SignedHeaders="
                + signedHeaders
                + ", Signature="
                + signature));
    return sent;
  }

  private static String canonicalRequest(
      String method,
      URI uri,
      TreeMap<String, String> canonicalHeaders,
      String signedHeaders,
      String payloadHash) {
    StringBuilder canonical =
        new StringBuilder(256)
            .append(method)
            .append('\n')
            .append(canonicalUri(uri))
            .append('\n')
            .append(canonicalQuery(uri.getRawQuery()))
            .append('\n');
    canonicalHeaders.forEach(
        (name, value) -> canonical.append(name).append(':').append(value).append('\n'));
    return canonical
        .append('\n')
        .append(signedHeaders)
        .append('\n')
        .append(payloadHash)
        .toString();
  }

  private String signingTime() {
    long now = clock.instant().getEpochSecond();
    SigningTime last = lastTime;
    if (last.epochSecond() != now) {
      last = new SigningTime(now, SIGNING_TIME.format(Instant.ofEpochSecond(now)));
      lastTime = last;
    }
    return last.text();
  }

  /** {@code host[:port]} with the scheme's default port left out, as HTTP clients send it. */
  static String host(URI uri) {
    int port = uri.getPort();
    boolean defaultPort =
        port == -1
            || (port == 80 && "http".equalsIgnoreCase(uri.getScheme()))
            || (port == 443 && "https".equalsIgnoreCase(uri.getScheme()));
    return defaultPort ? uri.getHost() : uri.getHost() + ':' + port;
  }

  private static String canonicalUri(URI uri) {
    String path = uri.getRawPath();
    return path == null || path.isEmpty() ? "/" : path;
  }

  /** Already-encoded parameters sorted by name, then value; a bare name gets an empty value. */
  private static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    String[] parameters = rawQuery.split("&");
    for (int i = 0; i < parameters.length; i++) {
      if (parameters[i].indexOf('=') < 0) {
        parameters[i] = parameters[i] + '=';
      }
    }
    // Comparing "name=value" whole would sort "a-b=1" before "a=1"; names come first.
    Arrays.sort(
        parameters,
        (left, right) -> {
          int leftEquals = left.indexOf('=');
          int rightEquals = right.indexOf('=');
          int byName = left.substring(0, leftEquals).compareTo(right.substring(0, rightEquals));
          return byName != 0
              ? byName
              : left.substring(leftEquals + 1).compareTo(right.substring(rightEquals + 1));
        });
    return String.join("&", parameters);
  }

  /** Lower-case names in order; values trimmed, inner whitespace collapsed, repeats joined. */
  private static TreeMap<String, String> canonicalHeaders(List<Map.Entry<String, String>> headers) {
    TreeMap<String, String> canonical = new TreeMap<>();
    for (Map.Entry<String, String> header : headers) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (UNSIGNED_HEADERS.contains(name)) {
        continue;
      }
      canonical.merge(name, canonicalValue(header.getValue()), (first, next) -> first + ',' + next);
    }
    return canonical;
  }

  private static String canonicalValue(String value) {
    String trimmed = value.strip();
    if (trimmed.indexOf("  ") < 0 && trimmed.indexOf('\t') < 0) {
      return trimmed;
    }
    return trimmed.replaceAll("\\s+", " ");
  }

  private static String sha256Hex(String text) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(utf8(text)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
