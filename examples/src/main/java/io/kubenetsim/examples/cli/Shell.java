package io.kubenetsim.examples.cli;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubectlResult;
import io.kubenetsim.core.kubectl.KubectlResults;
import io.kubenetsim.core.kubectl.ShellWords;
import io.kubenetsim.core.kubectl.VerbHelp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code kube-netsim shell}: one command per line against one cluster, for learners at a
 * terminal and for scripts. When stdin is not a terminal it prints no banner and no prompt,
 * only each command's output, so a script can read the output stream as it is. Blank lines and
 * lines starting with {@code #} are skipped; {@code help} and {@code VERB --help} print help;
 * {@code exit} ends the session. The exit code is the highest any command returned.
 */
final class Shell {
  /** What {@code shell --help} prints. */
  static final VerbHelp HELP = VerbHelp.of("shell",
      "Read commands from stdin, one per line, against one cluster; print each one's output.",
      "Every command of java -jar kube-netsim.jar but tour and shell, typed without it:",
      "\"help\" lists them and \"VERB --help\" explains one. Blank lines and lines starting",
      "with # are skipped; \"exit\" or \"quit\" (or the end of input) ends the session.",
      "With piped stdin there is no banner and no prompt, only each command's output. A",
      "failed command that asked for -o json prints {\"error\": \"...\"} on stdout, so a",
      "stream of JSON stays aligned. The exit code is the highest any command returned.",
      "examples:",
      "  printf 'get pods -A\\nsettle\\n' | java -jar kube-netsim.jar -f examples/manifests/shop "
          + "shell");

  /** Where commands come from, and whether a person is typing them. */
  record Input(InputStream stream, boolean interactive) {}

  private final Cluster cluster;
  private final PrintStream out;
  private final PrintStream err;

  Shell(Cluster cluster, PrintStream out, PrintStream err) {
    this.cluster = cluster;
    this.out = out;
    this.err = err;
  }

  int run(Input input) {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(input.stream(), StandardCharsets.UTF_8));
    if (input.interactive()) {
      out.println("kube-netsim shell (seed " + cluster.seed() + "): kubectl-style commands, "
          + "plus settle, advance 30s, events; help to list them, exit to leave.");
    }
    int worst = Main.OK;
    try {
      while (true) {
        if (input.interactive()) {
          out.print("kube-netsim> ");
          out.flush();
        }
        String line = reader.readLine();
        if (line == null || line.strip().equals("exit") || line.strip().equals("quit")) {
          break;
        }
        if (line.isBlank() || line.strip().startsWith("#")) {
          continue;
        }
        KubectlResult result = run(line);
        out.print(result.stdout());
        out.flush();
        err.print(result.stderr());
        err.flush();
        worst = Math.max(worst, result.exitCode());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return worst;
  }

  /**
   * Runs one line. A failed command that asked for {@code -o json} also prints {@code {"error":
   * "…"}} on stdout, so a script reading the shell's output as a JSON stream stays aligned.
   */
  private KubectlResult run(String line) {
    List<String> words;
    try {
      words = ShellWords.split(line);
    } catch (IllegalArgumentException unbalanced) {
      return cluster.kubectlResult(line); // reports the quoting error itself
    }
    return KubectlResults.applyJsonErrorRule(words, cluster.kubectlResult(words));
  }
}
