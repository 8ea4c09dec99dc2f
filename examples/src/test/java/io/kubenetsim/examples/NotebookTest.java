package io.kubenetsim.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every notebook in {@code notebooks/} must run top to bottom as {@code jshell} would run it:
 * fed line by line and split into snippets with {@link SourceCodeAnalysis#analyzeCompletion} as
 * the {@code jshell} tool does, jshell commands such as {@code /exit} skipped, no snippet
 * rejected, none throwing, and each notebook printing the lines that make its point. A snippet
 * jshell would reject (a statement continued on a line that starts with a dot, say) fails here,
 * although {@code jshell FILE} itself would only print an error, carry on and exit 0.
 */
class NotebookTest {
  private static final Path NOTEBOOKS = Path.of("notebooks");

  /** For each notebook, lines its output must contain: what the notebook shows. */
  private static final Map<String, List<String>> EXPECTED = Map.of(
      "01-pods-are-ephemeral.jsh", List.of("Running", "same IP as before? false"),
      "02-services-and-stable-vips.jsh", List.of("NodePort", "same ClusterIP? true",
          "slices at 250 pods: 3"),
      "04-kube-proxy-rules.jsh", List.of("ESTABLISHED", "KUBE-SVC-", "hops: 3"),
      "06-network-policy.jsh", List.of("before any policy: ESTABLISHED",
          "dropped by NetworkPolicy", "shop/default-deny-ingress",
          "office: ESTABLISHED, allowed by shop/allow-office ingress[0]", "lab: TIMED_OUT",
          "Allowing ingress traffic"),
      "07-dns.jsh", List.of("search shop.svc.cluster.local svc.cluster.local cluster.local",
          "office, web: NXDOMAIN", "queries for example.com: 4, for example.com.: 1",
          "0 100 80 web.shop.svc.cluster.local.", "UNRESOLVED: could not resolve host web"));

  @Test
  void everyNotebookDeclaresWhatItShowsAndEndsWithExit() throws IOException {
    // Two comment lines up top tell a learner what the notebook is for; /exit makes
    // `jshell FILE` return to the prompt instead of staying open.
    List<Path> notebooks = notebooks();
    assertFalse(notebooks.isEmpty(), "expected notebooks in " + NOTEBOOKS.toAbsolutePath());
    for (Path notebook : notebooks) {
      List<String> lines = Files.readAllLines(notebook, UTF_8);
      assertTrue(lines.size() > 2 && lines.get(0).startsWith("// ")
          && lines.get(1).startsWith("// "), notebook + ": expected two comment lines up top");
      assertTrue(lines.contains("import io.kubenetsim.*;"), notebook + ": expected the import");
      assertEquals("/exit", lines.stream().filter(l -> !l.isBlank()).reduce((a, b) -> b)
          .orElse(""), notebook + ": expected /exit as the last line");
      assertTrue(EXPECTED.containsKey(notebook.getFileName().toString()),
          notebook + ": declare the lines it must print in NotebookTest.EXPECTED");
    }
  }

  @TestFactory
  Stream<DynamicTest> everyNotebookRunsWithoutRejectedSnippetsOrExceptions() throws IOException {
    return notebooks().stream().map(notebook -> DynamicTest.dynamicTest(
        notebook.getFileName().toString(), () -> {
          String output = run(notebook);
          for (String line : EXPECTED.getOrDefault(notebook.getFileName().toString(), List.of())) {
            assertTrue(output.contains(line),
                notebook + ": expected output to contain [" + line + "], got:\n" + output);
          }
        }));
  }

  private static List<Path> notebooks() throws IOException {
    try (Stream<Path> files = Files.list(NOTEBOOKS)) {
      return files.filter(p -> p.toString().endsWith(".jsh")).sorted().toList();
    }
  }

  /**
   * Evaluates the notebook's snippets in a fresh JShell, fed line by line as the {@code jshell}
   * tool feeds a file: a snippet is evaluated as soon as the lines so far complete it, so a
   * statement continued on a line starting with a dot is cut short here as it is there.
   * {@return what the snippets printed}
   */
  private static String run(Path notebook) throws IOException {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(printed, true, UTF_8);
    List<String> problems = new ArrayList<>();
    try (JShell shell = JShell.builder().out(out).err(out).build()) {
      for (String entry : classPath()) {
        shell.addToClasspath(entry);
      }
      SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
      String pending = "";
      for (String line : Files.readAllLines(notebook, UTF_8)) {
        boolean between = analysis.analyzeCompletion(pending).completeness() == Completeness.EMPTY;
        if (between && line.strip().matches("/[a-zA-Z].*")) {
          continue;   // a jshell command such as /exit, not Java
        }
        pending += line + "\n";
        SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(pending);
        while (info.completeness().isComplete()) {
          problems.addAll(eval(shell, info.source()));
          pending = info.remaining();
          info = analysis.analyzeCompletion(pending);
        }
      }
      assertEquals(Completeness.EMPTY, analysis.analyzeCompletion(pending).completeness(),
          notebook + ": incomplete snippet at the end: " + pending.strip());
    }
    String output = printed.toString(UTF_8);
    assertEquals(List.of(), problems, notebook + " output so far:\n" + output);
    return output;
  }

  /** Evaluates one snippet; {@return what went wrong: rejection, unresolved names, exception} */
  private static List<String> eval(JShell shell, String snippet) {
    List<String> problems = new ArrayList<>();
    for (SnippetEvent event : shell.eval(snippet)) {
      if (event.causeSnippet() != null) {
        continue;   // a dependent snippet updated, reported with its own cause
      }
      if (event.status() != Snippet.Status.VALID) {
        problems.add(event.status() + ": " + code(snippet) + " -- " + shell.diagnostics(
            event.snippet()).map(d -> d.getMessage(null).lines().findFirst().orElse(""))
            .collect(Collectors.joining("; ")));
      }
      if (event.exception() != null) {
        problems.add("threw " + event.exception() + ": " + code(snippet));
      }
    }
    return problems;
  }

  /** {@return the snippet without its leading comment lines, on one line} */
  private static String code(String snippet) {
    return snippet.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("//"))
        .collect(Collectors.joining(" "));
  }

  /** The test class path: surefire's real one (java.class.path may be a manifest-only jar). */
  private static List<String> classPath() {
    String path = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    assertNotNull(path, "no class path to give jshell");
    return Stream.of(path.split(File.pathSeparator)).filter(s -> !s.isBlank()).toList();
  }
}
