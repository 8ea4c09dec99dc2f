package io.kubenetsim.core.store.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.manifest.FieldError;
import java.util.List;
import java.util.stream.Collectors;

/** Assertions on field error lists: rendered lines and rule ids, in order. */
final class Errors {

  private Errors() {}

  /** Asserts the errors render as exactly these lines, in this order. */
  static void assertLines(List<FieldError> errors, String... expected) {
    assertEquals(List.of(expected), lines(errors), "rendered field errors");
  }

  /** Asserts the errors carry exactly these rule ids, in this order. */
  static void assertRules(List<FieldError> errors, String... expected) {
    assertEquals(List.of(expected),
        errors.stream().map(FieldError::rule).collect(Collectors.toList()), "rule ids");
  }

  static List<String> lines(List<FieldError> errors) {
    return errors.stream().map(FieldError::toString).collect(Collectors.toList());
  }
}
