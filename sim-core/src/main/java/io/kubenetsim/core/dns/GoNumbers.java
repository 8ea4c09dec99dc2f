package io.kubenetsim.core.dns;

import java.util.Optional;

/** Go's {@code strconv.Atoi} for Corefile numbers, with its error text. */
final class GoNumbers {
  private GoNumbers() {}

  /** {@return the number, or empty where Go's {@code strconv.Atoi} fails} */
  static Optional<Long> atoi(String text) {
    String digits = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
    if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(text.startsWith("+") ? digits : text));
    } catch (NumberFormatException tooLong) {
      return Optional.empty();
    }
  }

  /** {@return Go's message for a text {@code strconv.Atoi} refuses} */
  static String atoiError(String text) {
    String digits = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
    boolean syntax = digits.isEmpty() || !digits.chars().allMatch(Character::isDigit);
    return "strconv.Atoi: parsing \"" + text + "\": "
        + (syntax ? "invalid syntax" : "value out of range");
  }
}
