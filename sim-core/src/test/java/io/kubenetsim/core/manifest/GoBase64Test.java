package io.kubenetsim.core.manifest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Go's {@code base64.StdEncoding.Decode} semantics, after the cases of Go's {@code
 * TestDecodeCorrupt} ({@code encoding/base64/base64_test.go}, its whole table: -1 for no
 * corruption): the offset each corrupt input is reported at, and what valid inputs (with
 * newlines, with padding) decode to.
 */
class GoBase64Test {

  static Stream<Arguments> corrupt() {
    return Stream.of(
        Arguments.of("", -1),
        Arguments.of("\n", -1),
        Arguments.of("AAA=\n", -1),
        Arguments.of("AAAA\n", -1),
        Arguments.of("!!!!", 0),
        Arguments.of("====", 0),
        Arguments.of("x===", 1),
        Arguments.of("=AAA", 0),
        Arguments.of("A=AA", 1),
        Arguments.of("AA=A", 2),
        Arguments.of("AA==A", 4),
        Arguments.of("AAA=AAAA", 4),
        Arguments.of("AAAAA", 4),
        Arguments.of("AAAAAA", 4),
        Arguments.of("A=", 1),
        Arguments.of("A==", 1),
        Arguments.of("AA=", 3),
        Arguments.of("AA==", -1),
        Arguments.of("AAA=", -1),
        Arguments.of("AAAA", -1),
        Arguments.of("AAAAAA=", 7),
        Arguments.of("YWJjZA=====", 8),
        Arguments.of("A!\n", 1),
        Arguments.of("A=\n", 1));
  }

  @ParameterizedTest(name = "\"{0}\" -> offset {1}")
  @MethodSource("corrupt")
  void corruptInputIsReportedAtGosOffset(String input, int offset) {
    assertEquals(offset < 0 ? OptionalInt.empty() : OptionalInt.of(offset),
        GoBase64.decode(input).errorOffset());
  }

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("", new byte[0]),
        Arguments.of("AAEC/w==", new byte[] {0, 1, 2, (byte) 255}),
        Arguments.of("aGk=", "hi".getBytes()),
        Arguments.of("aG\nk=\r\n", "hi".getBytes()),
        Arguments.of("YWJj", "abc".getBytes()));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("valid")
  void validInputDecodes(String input, byte[] expected) {
    GoBase64.Result result = GoBase64.decode(input);
    assertEquals(OptionalInt.empty(), result.errorOffset());
    assertArrayEquals(expected, result.bytes());
  }
}
