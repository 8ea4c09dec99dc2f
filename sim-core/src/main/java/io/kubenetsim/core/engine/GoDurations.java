package io.kubenetsim.core.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations as Go writes them in Kubernetes configuration: {@code 30s}, {@code 1h30m}, {@code 500ms}. */
public final class GoDurations {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");

  private GoDurations() {}

  /** {@return the duration, or empty when the text is not a sequence of number-unit pairs} */
  public static Optional<Duration> parse(String text) {
    Matcher m = PART.matcher(text);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      long n = Long.parseLong(m.group(1));
      total = total.plus(switch (m.group(2)) {
        case "h" -> Duration.ofHours(n);
        case "m" -> Duration.ofMinutes(n);
        case "s" -> Duration.ofSeconds(n);
        default -> Duration.ofMillis(n);
      });
      end = m.end();
    }
    return end > 0 && end == text.length() ? Optional.of(total) : Optional.empty();
  }
}
