package io.kubenetsim.core.kubectl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every boundary of apimachinery's HumanDuration, one row per side of each threshold, so an
 * off-by-one in any branch changes at least one expected string.
 */
class HumanDurationTest {

  private static final long S = 1;
  private static final long M = 60;
  private static final long H = 3600;
  private static final long D = 24 * H;
  private static final long Y = 365 * D;

  static Stream<Arguments> cases() {
    return Stream.of(
        //          duration                                    expected
        row(Duration.ofSeconds(-3),                             "<invalid>"),
        row(Duration.ofSeconds(-2),                             "<invalid>"),
        row(Duration.ofMillis(-1999),                           "0s"),
        row(Duration.ofMillis(-1500),                           "0s"),
        row(Duration.ofSeconds(-1),                             "0s"),
        row(Duration.ofMillis(-1),                              "0s"),
        row(Duration.ZERO,                                      "0s"),
        row(Duration.ofMillis(999),                             "0s"),
        row(Duration.ofSeconds(1),                              "1s"),
        row(Duration.ofSeconds(59),                             "59s"),
        row(Duration.ofSeconds(119),                            "119s"),
        row(Duration.ofMillis(119_999),                         "119s"),
        row(Duration.ofSeconds(2 * M),                          "2m"),
        row(Duration.ofSeconds(2 * M + 1),                      "2m1s"),
        row(Duration.ofSeconds(5 * M),                          "5m"),
        row(Duration.ofSeconds(9 * M + 59 * S),                 "9m59s"),
        row(Duration.ofSeconds(10 * M),                         "10m"),
        row(Duration.ofSeconds(10 * M + 30),                    "10m"),
        row(Duration.ofSeconds(179 * M + 59),                   "179m"),
        row(Duration.ofSeconds(3 * H),                          "3h"),
        row(Duration.ofSeconds(3 * H + M),                      "3h1m"),
        row(Duration.ofSeconds(7 * H + 59 * M + 59),            "7h59m"),
        row(Duration.ofSeconds(8 * H),                          "8h"),
        row(Duration.ofSeconds(8 * H + 30 * M),                 "8h"),
        row(Duration.ofSeconds(47 * H + 59 * M),                "47h"),
        row(Duration.ofSeconds(48 * H),                         "2d"),
        row(Duration.ofSeconds(49 * H),                         "2d1h"),
        row(Duration.ofSeconds(7 * D + 23 * H + 59 * M),        "7d23h"),
        row(Duration.ofSeconds(8 * D),                          "8d"),
        row(Duration.ofSeconds(8 * D + 5 * H),                  "8d"),
        row(Duration.ofSeconds(729 * D + 23 * H),               "729d"),
        row(Duration.ofSeconds(2 * Y),                          "2y"),
        row(Duration.ofSeconds(2 * Y + D),                      "2y1d"),
        row(Duration.ofSeconds(7 * Y + 364 * D + 23 * H),       "7y364d"),
        row(Duration.ofSeconds(8 * Y),                          "8y"),
        row(Duration.ofSeconds(8 * Y + 100 * D),                "8y"),
        row(Duration.ofSeconds(20 * Y),                         "20y"));
  }

  private static Arguments row(Duration duration, String expected) {
    return Arguments.of(duration, expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("cases")
  void formatsLikeApimachinery(Duration duration, String expected) {
    assertEquals(expected, HumanDuration.format(duration),
        "HumanDuration of " + duration);
  }

  @Test
  void sinceMeasuresFromTheGivenNowAndMarksMissingTimestampsUnknown() {
    // translateTimestampSince: a zero timestamp is "<unknown>", otherwise now - timestamp.
    Instant now = Instant.parse("2025-03-01T12:00:00Z");
    assertEquals("<unknown>", HumanDuration.since(Optional.empty(), now));
    assertEquals("5m", HumanDuration.since(Optional.of(now.minusSeconds(300)), now));
    assertEquals("0s", HumanDuration.since(Optional.of(now.plusMillis(500)), now));
    assertEquals("<invalid>", HumanDuration.since(Optional.of(now.plusSeconds(5)), now));
  }
}
