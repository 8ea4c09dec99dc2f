package io.kubenetsim.core.kubectl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Splitting a command line: one row per quoting rule, in HostAndPortTest's aligned style. */
class ShellWordsTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        //        line                              words
        Arguments.of("get pods",                     List.of("get", "pods")),
        Arguments.of("  get   pods\t-A  ",            List.of("get", "pods", "-A")),
        Arguments.of("-l 'app in (a, b)'",           List.of("-l", "app in (a, b)")),
        Arguments.of("-l \"tier!=fe\"",              List.of("-l", "tier!=fe")),
        Arguments.of("x \"say \\\"hi\\\"\"",         List.of("x", "say \"hi\"")),
        Arguments.of("x 'no \\escape'",               List.of("x", "no \\escape")),
        Arguments.of("x a\\ b",                       List.of("x", "a b")),
        Arguments.of("x ''",                          List.of("x", "")),
        Arguments.of("x pre'mid'\"post\"",            List.of("x", "premidpost")),
        Arguments.of("",                              List.of()));
  }

  @ParameterizedTest(name = "[{0}]")
  @MethodSource("cases")
  void splitsLikeAShell(String line, List<String> words) {
    assertEquals(words, ShellWords.split(line), "words of [" + line + "]");
  }

  @Test
  void unterminatedQuotesAndLoneBackslashAreRejectedWithThePosition() {
    IllegalArgumentException single =
        assertThrows(IllegalArgumentException.class, () -> ShellWords.split("get 'pods"));
    assertEquals("unterminated ' quote at position 4 in command line [get 'pods]; "
        + "close the quote", single.getMessage());
    IllegalArgumentException dbl =
        assertThrows(IllegalArgumentException.class, () -> ShellWords.split("a \"b"));
    assertEquals(true, dbl.getMessage().startsWith("unterminated \" quote at position 2"),
        dbl.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ShellWords.split("a \\"));
  }
}
