package io.kubenetsim.core.kubectl;

import static io.kubenetsim.core.kubectl.Fixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.KubectlResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code VERB --help}, {@code VERB -h}, {@code help VERB} and {@code help}: answered from the
 * verb's own {@link Verb#help()} without running it (the fake cluster throws on any write, so a
 * verb that ran would fail), exit 0, and never sending the user to {@code kubectl … --help}.
 * A usage error ends with the same usage line the help starts with: one text, two uses.
 */
class VerbHelpTest {
  private final KubectlCommand kubectl =
      new KubectlCommand(new FakeCluster(NOW, List.of()), KubectlCommandTest.FORMATTER);

  static Stream<String> verbs() {
    return KubectlCommand.defaultVerbs().stream().map(Verb::name);
  }

  @ParameterizedTest
  @MethodSource("verbs")
  void everyVerbAnswersHelpInEveryFormWithItsOwnTextAndExitZero(String verb) {
    String help = KubectlCommand.defaultVerbs().stream().filter(v -> v.name().equals(verb))
        .findFirst().orElseThrow().help().toString();
    assertTrue(help.matches("(?s)usage: " + verb + "[ \\n].*"), help);
    for (String line : List.of(verb + " --help", verb + " -h", "help " + verb,
        "kubectl " + verb + " --help", verb + " pods nope -n shop --help")) {
      assertEquals(KubectlResult.ok(help), kubectl.run(line), line);
    }
    assertFalse(help.matches("(?s).*kubectl [a-z-]+ --help.*"), "no kubectl --help: " + help);
  }

  @Test
  void helpAloneListsEveryVerbsSynopsisAndSummary() {
    KubectlResult overview = kubectl.run("help");
    assertEquals(0, overview.exitCode());
    assertEquals(overview, kubectl.run("--help"));
    for (Verb verb : KubectlCommand.defaultVerbs()) {
      assertTrue(overview.stdout().contains("\n  " + verb.help().synopsis().lines()
          .findFirst().orElseThrow() + "\n"), verb.name() + " missing: " + overview.stdout());
      assertTrue(overview.stdout().contains("      " + verb.help().summary() + "\n"),
          verb.name());
    }
  }

  @Test
  void helpForAnUnknownVerbIsAUsageError() {
    KubectlResult result = kubectl.run("help fetch");
    assertEquals(2, result.exitCode(), result.toString());
    assertTrue(result.stderr().startsWith("error: unknown command \"fetch\""), result.stderr());
  }

  @Test
  void probeAndTraceHelpUseProbesOwnUsageLineAndExplainEverySourceAndDestinationForm() {
    for (String verb : List.of("probe", "trace")) {
      String help = kubectl.run(verb + " --help").stdout();
      assertTrue(help.startsWith(Probe.usage(verb)), help);
      for (String form : List.of("ns/pod", "node/NAME", "external:IP", "ip:IP", "svc/ns/name",
          "lb/ns/name")) {
        assertTrue(help.contains(form + " ("), verb + " help explains " + form + ": " + help);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"rules", "rules a b", "settle now", "advance", "events 5m",
      "port-forward svc/web", "probe --to svc/web --port 80", "trace --from ns/a --port 80",
      "probe --from ns/a --to svc/web --port 80 extra", "apply -f x.yaml extra"})
  void aUsageErrorEndsWithTheUsageLineTheVerbsHelpStartsWith(String line) {
    KubectlResult result = kubectl.run(line);
    assertEquals(2, result.exitCode(), result.toString());
    String verb = line.split(" ")[0];
    String usage = kubectl.run(verb + " --help").stdout().lines().findFirst().orElseThrow();
    assertTrue(result.stderr().startsWith("error: "), result.stderr());
    assertTrue(result.stderr().endsWith(usage + "\n"), "expected [" + usage + "] at the end of "
        + result.stderr());
  }
}
