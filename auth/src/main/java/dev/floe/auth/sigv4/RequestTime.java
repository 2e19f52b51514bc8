package dev.floe.auth.sigv4;

import dev.floe.auth.AuthFailure;
import dev.floe.auth.AuthenticationException;
import dev.floe.auth.SignedRequest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** The signing time of a request, and its ISO 8601 basic form that goes into the string to sign. */
record RequestTime(Instant instant, String text) {

  private static final DateTimeFormatter BASIC =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withResolverStyle(ResolverStyle.STRICT);

  /** The day part that the credential scope must repeat. */
  String day() {
    return text.substring(0, 8);
  }

  /**
   * Parses {@code yyyyMMdd'T'HHmmss'Z'} by hand: every signed request carries one, and a
   * formatter-driven parse was a visible share of verifying a small request. Field ranges are
   * checked as strictly ({@code 20240230T…} is refused).
   */
  static RequestTime parse(String text, String source) throws AuthenticationException {
    if (text.length() != 16 || text.charAt(8) != 'T' || text.charAt(15) != 'Z') {
      throw malformed(text, source);
    }
    try {
      Instant instant =
          LocalDateTime.of(
                  digits(text, 0, 4, source), digits(text, 4, 6, source), digits(text, 6, 8, source),
                  digits(text, 9, 11, source), digits(text, 11, 13, source), digits(text, 13, 15, source))
              .toInstant(ZoneOffset.UTC);
      return new RequestTime(instant, text);
    } catch (DateTimeException e) {
      throw malformed(text, source);
    }
  }

  private static int digits(String text, int from, int to, String source) throws AuthenticationException {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw malformed(text, source);
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static AuthenticationException malformed(String text, String source) {
    return new AuthenticationException(
        AuthFailure.MALFORMED_AUTHORIZATION,
        source + " '" + text + "' is not an ISO 8601 basic time such as 20130524T000000Z.");
  }

  /** From {@code x-amz-date}, or, as SigV4 allows, from an RFC 1123 {@code Date} header. */
  static RequestTime of(SignedRequest request) throws AuthenticationException {
    var amzDate = request.header("x-amz-date");
    if (amzDate.isPresent()) {
      return parse(amzDate.get().strip(), "x-amz-date");
    }
    var date = request.header("Date");
    if (date.isEmpty()) {
      throw new AuthenticationException(
          AuthFailure.MALFORMED_AUTHORIZATION,
          "A signed request needs an x-amz-date header (or a Date header).");
    }
    try {
      Instant instant =
          ZonedDateTime.parse(date.get().strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return new RequestTime(instant, BASIC.format(instant.atOffset(ZoneOffset.UTC)));
    } catch (DateTimeParseException e) {
      throw new AuthenticationException(
          AuthFailure.MALFORMED_AUTHORIZATION,
          "Date header '" + date.get() + "' is not an RFC 1123 date; send x-amz-date instead.");
    }
  }
}
