package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;

/**
 * A field that holds a number or a string, such as a Service's {@code targetPort} ({@code 8080}
 * or {@code "http"}) or a Deployment's {@code maxSurge} ({@code 1} or {@code "25%"}).
 */
public record IntOrString(Optional<Integer> intValue, Optional<String> stringValue) {

  public IntOrString {
    checkArgument(intValue.isPresent() != stringValue.isPresent(),
        "exactly one of the number and the string is set");
  }

  /** {@return the number form} */
  public static IntOrString of(int value) {
    return new IntOrString(Optional.of(value), Optional.empty());
  }

  /** {@return the string form} */
  public static IntOrString of(String value) {
    return new IntOrString(Optional.empty(), Optional.of(value));
  }

  /** {@return whether this is the number form} */
  public boolean isInt() {
    return intValue.isPresent();
  }

  /**
   * Resolves a number or a percentage against a total, as Deployments resolve {@code maxSurge}
   * (rounding up) and {@code maxUnavailable} (rounding down).
   *
   * @throws IllegalArgumentException when the string is not a percentage such as {@code 25%}
   */
  public int scaledValue(int total, boolean roundUp) {
    if (intValue.isPresent()) {
      return intValue.get();
    }
    String text = stringValue.get();
    checkArgument(text.endsWith("%") && text.length() > 1
            && text.substring(0, text.length() - 1).chars().allMatch(Character::isDigit),
        "expected a number or a percentage such as \"25%%\", got \"%s\"", text);
    long percent = Long.parseLong(text.substring(0, text.length() - 1));
    long scaled = percent * total;
    return (int) (roundUp ? (scaled + 99) / 100 : scaled / 100);
  }

  @Override
  public String toString() {
    return intValue.map(String::valueOf).orElseGet(stringValue::get);
  }
}
