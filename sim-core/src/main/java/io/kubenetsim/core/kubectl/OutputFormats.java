package io.kubenetsim.core.kubectl;

import java.util.List;

/**
 * Checks an {@code -o} value against the formats a verb can print, refusing any other with
 * kubectl's message ({@code PrintFlags.ToPrinter}'s {@code NoCompatiblePrinterError}), a usage
 * error (exit code 2). Stateless.
 *
 * <pre>{@code
 * String format = OutputFormats.check("yaml", List.of("json", "name", "yaml"));  // "yaml"
 * }</pre>
 */
final class OutputFormats {

  private OutputFormats() {}

  /**
   * {@return {@code format}, which is {@code ""} (the verb's default output) or one of {@code
   * allowed}}
   *
   * @throws CommandException (usage) for any other value, listing {@code allowed}
   */
  static String check(String format, List<String> allowed) {
    if (!format.isEmpty() && !allowed.contains(format)) {
      throw CommandException.usage("error: unable to match a printer suitable for the output "
          + "format \"" + format + "\", allowed formats are: " + String.join(",", allowed));
    }
    return format;
  }
}
