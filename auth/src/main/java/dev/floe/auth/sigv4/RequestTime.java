package dev.floe.auth.sigv4;

import dev.floe.auth.AuthFailure;
import dev.floe.auth.AuthenticationException;
import dev.floe.auth.SignedRequest;
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

  static RequestTime parse(String text, String source) throws AuthenticationException {
    try {
      Instant instant = LocalDateTime.parse(text, BASIC).toInstant(ZoneOffset.UTC);
      return new RequestTime(instant, text);
    } catch (DateTimeParseException e) {
      throw new AuthenticationException(
          AuthFailure.MALFORMED_AUTHORIZATION,
          source + " '" + text + "' is not an ISO 8601 basic time such as 20130524T000000Z.");
    }
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
