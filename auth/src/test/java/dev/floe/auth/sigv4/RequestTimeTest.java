package dev.floe.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.floe.auth.AuthFailure;
import dev.floe.auth.AuthenticationException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** X-Amz-Date is ISO 8601 basic time, in UTC, to the second, with real calendar dates only. */
class RequestTimeTest {

  @Test
  void readsTheBasicFormat() throws Exception {
    RequestTime time = RequestTime.parse("20130524T000000Z", "x-amz-date");
    assertThat(time.instant()).isEqualTo(Instant.parse("2013-05-24T00:00:00Z"));
    assertThat(time.day()).isEqualTo("20130524");
    assertThat(RequestTime.parse("20240229T235959Z", "x-amz-date").instant())
        .isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "20230229T000000Z", "20240230T000000Z", "20241301T000000Z", "20240101T240000Z",
        "20240101T006000Z", "20240101T000060Z", "2024-01-01T00:00:00Z", "20240101T000000",
        "20240101 000000Z", "2024O101T000000Z", "+2024101T000000Z", "20240101T000000z", ""
      })
  void refusesAnythingElse(String text) {
    assertThatThrownBy(() -> RequestTime.parse(text, "x-amz-date"))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> assertThat(e.failure()).isEqualTo(AuthFailure.MALFORMED_AUTHORIZATION));
  }
}
