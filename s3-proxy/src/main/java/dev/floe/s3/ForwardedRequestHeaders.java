package dev.floe.s3;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;

/**
 * Which of the client's headers travel to the backend. Everything that describes the request's
 * meaning (conditions, ranges, metadata, checksums, copy sources, …) passes unchanged; what
 * belongs to the client's hop or to Floe's authentication does not: the backend gets Floe's own
 * signature, the decoded length and the plain payload instead.
 */
final class ForwardedRequestHeaders {

  private static final Set<String> DROPPED =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-connection",
          "proxy-authorization",
          "proxy-authenticate",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "host",
          "content-length",
          "expect",
          "authorization",
          "x-amz-date",
          "x-amz-content-sha256",
          "x-amz-security-token",
          "x-amz-decoded-content-length",
          "x-amz-trailer");

  /**
   * Announces a checksum that arrives in a trailer; the trailer is verified by Floe and not
   * forwarded, and a backend that sees the announcement without a checksum rejects the request.
   */
  private static final String SDK_CHECKSUM_ALGORITHM = "x-amz-sdk-checksum-algorithm";

  private static final String AWS_CHUNKED = "aws-chunked";

  private ForwardedRequestHeaders() {}

  static List<Map.Entry<String, String>> of(HttpFields clientHeaders) {
    boolean checksumInTrailer = clientHeaders.contains("x-amz-trailer");
    List<Map.Entry<String, String>> forwarded = new ArrayList<>();
    for (HttpField field : clientHeaders) {
      String name = field.getLowerCaseName();
      if (DROPPED.contains(name) || (checksumInTrailer && name.equals(SDK_CHECKSUM_ALGORITHM))) {
        continue;
      }
      String value = field.getValue() == null ? "" : field.getValue();
      if (name.equals("content-encoding")) {
        value = withoutAwsChunked(value);
        if (value.isEmpty()) {
          continue;
        }
      }
      forwarded.add(Map.entry(field.getName(), value));
    }
    return forwarded;
  }

  private static String withoutAwsChunked(String contentEncoding) {
    return Arrays.stream(contentEncoding.split(","))
        .map(String::trim)
        .filter(coding -> !coding.isEmpty())
        .filter(coding -> !coding.toLowerCase(Locale.ROOT).equals(AWS_CHUNKED))
        .collect(Collectors.joining(","));
  }
}
