package io.kubenetsim.core.kubectl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** pflag's syntax: long and short forms, attached values, grouped booleans, and its errors. */
class FlagSetTest {

  private static final FlagSet FLAGS = FlagSet.of("get",
      FlagSet.Flag.value("namespace", 'n'),
      FlagSet.Flag.bool("all-namespaces", 'A'),
      FlagSet.Flag.value("output", 'o'));

  @Test
  void everySpellingOfAValueFlagGivesTheSameValue() {
    for (List<String> args : List.of(
        List.of("-n", "shop"), List.of("-nshop"), List.of("-n=shop"),
        List.of("--namespace", "shop"), List.of("--namespace=shop"))) {
      assertEquals(Optional.of("shop"), FLAGS.parse(args).value("namespace"), "args " + args);
    }
  }

  @Test
  void positionalsKeepTheirOrderAroundFlagsAndAfterDoubleDash() {
    ParsedArgs parsed = FLAGS.parse(List.of("pods", "-A", "web", "--", "-n", "x", "-"));
    assertEquals(List.of("pods", "web", "-n", "x", "-"), parsed.positionals());
    assertTrue(parsed.isSet("all-namespaces"));
    assertEquals(Optional.empty(), parsed.value("namespace"));
  }

  @Test
  void groupedShorthandsSetBooleansAndTakeTheRestAsValue() {
    ParsedArgs parsed = FLAGS.parse(List.of("-Aowide"));
    assertTrue(parsed.isSet("all-namespaces"));
    assertEquals(Optional.of("wide"), parsed.value("output"));
  }

  @Test
  void booleanLongFlagAcceptsExplicitFalseAndLastValueWins() {
    ParsedArgs parsed = FLAGS.parse(List.of("--all-namespaces=false", "-o", "json", "-o", "name"));
    assertFalse(parsed.isSet("all-namespaces"));
    assertEquals(Optional.of("name"), parsed.value("output"));
  }

  @Test
  void unknownFlagsAndMissingValuesAreUsageErrorsInPflagWords() {
    assertUsage("error: unknown flag: --colour\nSee 'get --help' for usage.",
        List.of("--colour"));
    assertUsage("error: unknown shorthand flag: 'x' in -Ax\nSee 'get --help' for usage.",
        List.of("-Ax"));
    assertUsage("error: flag needs an argument: 'n' in -n\nSee 'get --help' for usage.",
        List.of("-n"));
    assertUsage(
        "error: flag needs an argument: --namespace\nSee 'get --help' for usage.",
        List.of("pods", "--namespace"));
  }

  private static void assertUsage(String message, List<String> args) {
    CommandException e = assertThrows(CommandException.class, () -> FLAGS.parse(args));
    assertEquals(CommandException.USAGE, e.exitCode(), "exit code for " + args);
    assertEquals(message, e.getMessage());
  }
}
