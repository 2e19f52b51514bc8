package dev.floe.auth.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;

/**
 * The date forms IAM's {@code Date…} operators accept: a W3C / ISO 8601 date or date-time ({@code
 * 2026-11-22}, {@code 2026-11-22T10:00:00Z}, {@code 2026-11-22T10:00:00.000+01:00}; without an
 * offset, UTC) or a number of seconds since the epoch ({@code aws:EpochTime}).
 */
final class PolicyDate {

  private static final Pattern EPOCH_SECONDS = Pattern.compile("-?\\d+(\\.\\d+)?");

  private PolicyDate() {}

  /** The instant {@code text} denotes, or null when it is not a date. */
  static Instant parse(String text) {
    String trimmed = text.trim();
    if (EPOCH_SECONDS.matcher(trimmed).matches()) {
      return fromEpochSeconds(new BigDecimal(trimmed));
    }
    try {
      if (trimmed.indexOf('T') < 0) {
        return LocalDate.parse(trimmed, DateTimeFormatter.ISO_LOCAL_DATE)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
      }
      TemporalAccessor parsed =
          DateTimeFormatter.ISO_DATE_TIME.parseBest(
              trimmed, ZonedDateTime::from, LocalDateTime::from);
      return parsed instanceof ZonedDateTime zoned
          ? zoned.toInstant()
          : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Instant fromEpochSeconds(BigDecimal seconds) {
    try {
      BigDecimal whole = new BigDecimal(seconds.toBigInteger());
      long nanos = seconds.subtract(whole).movePointRight(9).longValue();
      return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    } catch (ArithmeticException | java.time.DateTimeException e) {
      return null;
    }
  }
}
