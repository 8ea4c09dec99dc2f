package io.kubenetsim.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.core.kubectl.KubectlCommand;
import io.kubenetsim.core.kubectl.Verb;
import io.kubenetsim.core.kubectl.VerbHelp;
import io.kubenetsim.examples.Tour;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code COMMAND --help}, {@code COMMAND -h} and {@code help COMMAND} for every command, in
 * process (the jar tests try a few; this covers them all quickly): stdout is exactly the
 * command's own help — the tour's, the shell's, each verb's — with exit 0 and nothing on
 * stderr, and the full usage lists every command's summary.
 */
class MainTest {

  /** What one in-process run printed. */
  private record Run(int exitCode, String stdout, String stderr) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(List.of(args), new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8),
        new Shell.Input(new ByteArrayInputStream(new byte[0]), false));
    return new Run(code, out.toString(UTF_8), err.toString(UTF_8));
  }

  static Stream<String> commands() {
    List<String> names = new ArrayList<>(List.of("tour", "shell"));
    KubectlCommand.defaultVerbs().forEach(v -> names.add(v.name()));
    return names.stream();
  }

  private static VerbHelp helpOf(String command) {
    if (command.equals("tour")) {
      return Tour.HELP;
    } else if (command.equals("shell")) {
      return Shell.HELP;
    }
    return KubectlCommand.defaultVerbs().stream().filter(v -> v.name().equals(command))
        .map(Verb::help).findFirst().orElseThrow();
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyCommandPrintsItsOwnHelpInEveryFormWithExitZero(String command) {
    String expected = helpOf(command).toString();
    for (String[] args : List.of(new String[] {command, "--help"}, new String[] {command, "-h"},
        new String[] {"help", command}, new String[] {"--seed", "3", command, "--help"})) {
      assertEquals(new Run(0, expected, ""), run(args), String.join(" ", args));
    }
    Run usage = run("--help");
    String summary = helpOf(command).summary();
    assertTrue(usage.stdout().contains("\n      " + summary + "\n"),
        command + "'s summary [" + summary + "] missing from --help:\n" + usage.stdout());
  }
}
