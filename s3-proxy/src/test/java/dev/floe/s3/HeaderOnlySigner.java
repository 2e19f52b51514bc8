package dev.floe.s3;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs exactly the headers it is given. The AWS SDK's signer always adds and signs {@code
 * Content-Length}; PyArrow does not, and sends its parts with {@code Transfer-Encoding: chunked}.
 * This signer reproduces such requests.
 */
final class HeaderOnlySigner {

  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private HeaderOnlySigner() {}

  /**
   * Adds {@code x-amz-date} to the headers and returns the Authorization header value.
   *
   * @param headers the headers to sign (must include host), completed with x-amz-date
   * @param canonicalUri the URI-encoded path
   * @param canonicalQuery the query, parameters sorted and URI-encoded
   */
  static String authorization(String accessKey, String secretKey, Instant time, String method,
      String canonicalUri, String canonicalQuery, Map<String, String> headers,
      String payloadHash) {
    String amzDate = AMZ_DATE.format(time);
    String day = amzDate.substring(0, 8);
    headers.put("x-amz-date", amzDate);
    SortedMap<String, String> canonical = new TreeMap<>();
    headers.forEach((name, value) -> canonical.put(name.toLowerCase(Locale.ROOT), value.trim()));
    String signedHeaders = String.join(";", canonical.keySet());
    String canonicalRequest = method + "\n" + canonicalUri + "\n" + canonicalQuery + "\n"
        + canonical.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue() + "\n")
            .collect(Collectors.joining())
        + "\n" + signedHeaders + "\n" + payloadHash;
    String scope = day + "/us-east-1/s3/aws4_request";
    String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
        + HexFormat.of().formatHex(sha256(canonicalRequest));
    byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), day);
    key = hmac(key, "us-east-1");
    key = hmac(key, "s3");
    key = hmac(key, "aws4_request");
    String signature = HexFormat.of().formatHex(hmac(key, stringToSign));
    return "AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope + ", SignedHeaders="
        + signedHeaders + ", Signature=" + signature;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
