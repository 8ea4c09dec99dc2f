package io.kubenetsim.core.kubectl;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The AGE text kubectl prints: apimachinery's {@code duration.HumanDuration}, digit for digit.
 *
 * <p>About two significant figures: {@code 45s}, {@code 3m20s}, {@code 17m}, {@code 5h12m},
 * {@code 30h}, {@code 3d4h}, {@code 120d}, {@code 3y12d}, {@code 9y}. Years are 365 days. A
 * clock skew of up to one second into the future prints {@code 0s}; anything further is
 * {@code <invalid>}. Stateless and thread-safe.
 *
 * <pre>{@code
 * HumanDuration.format(Duration.ofSeconds(200));                  // "3m20s"
 * HumanDuration.since(pod.metadata().creationTimestamp(), now);   // "5m", or "<unknown>"
 * }</pre>
 *
 * @see <a href="https://github.com/kubernetes/apimachinery/blob/master/pkg/util/duration/duration.go">duration.go</a>
 */
public final class HumanDuration {

  private static final long MINUTE = 60;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24;
  private static final long YEAR_DAYS = 365;

  private HumanDuration() {}

  /** {@return the short human form of {@code duration}} */
  public static String format(Duration duration) {
    long seconds = truncatedSeconds(duration);
    if (seconds < -1) {
      return "<invalid>";
    } else if (seconds < 0) {
      return "0s";
    } else if (seconds < 2 * MINUTE) {
      return seconds + "s";
    }
    long minutes = seconds / MINUTE;
    if (minutes < 10) {
      long s = seconds % MINUTE;
      return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
    } else if (minutes < 3 * 60) {
      return minutes + "m";
    }
    long hours = seconds / HOUR;
    if (hours < 8) {
      long m = minutes % 60;
      return m == 0 ? hours + "h" : hours + "h" + m + "m";
    } else if (hours < 48) {
      return hours + "h";
    } else if (hours < DAY * 8) {
      long h = hours % DAY;
      return h == 0 ? hours / DAY + "d" : hours / DAY + "d" + h + "h";
    } else if (hours < DAY * YEAR_DAYS * 2) {
      return hours / DAY + "d";
    } else if (hours < DAY * YEAR_DAYS * 8) {
      long years = hours / DAY / YEAR_DAYS;
      long days = (hours / DAY) % YEAR_DAYS;
      return days == 0 ? years + "y" : years + "y" + days + "d";
    }
    return hours / DAY / YEAR_DAYS + "y";
  }

  /**
   * {@return the age of something stamped at {@code timestamp}, seen at virtual time {@code now};
   * {@code <unknown>} when there is no timestamp} This is kubectl's {@code
   * translateTimestampSince}.
   */
  public static String since(Optional<Instant> timestamp, Instant now) {
    return timestamp.map(t -> format(Duration.between(t, now))).orElse("<unknown>");
  }

  /**
   * Go's {@code int(d.Seconds())} truncates toward zero, while {@link Duration#getSeconds()}
   * floors; the two differ for negative durations with a fraction (−1.5 s is −1 in Go), which
   * decides between {@code 0s} and {@code <invalid>}.
   */
  private static long truncatedSeconds(Duration duration) {
    long seconds = duration.getSeconds();
    if (seconds < 0 && duration.getNano() != 0) {
      seconds += 1;
    }
    return seconds;
  }
}
