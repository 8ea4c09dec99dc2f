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
import java.util.Set;
import java.util.TreeSet;
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
import org.opentest4j.AssertionFailedError;

/**
 * Every notebook in {@code notebooks/} must run top to bottom as {@code jshell} would run it:
 * fed line by line and split into snippets with {@link SourceCodeAnalysis#analyzeCompletion} as
 * the {@code jshell} tool does, jshell commands such as {@code /exit} skipped, no snippet
 * rejected, none throwing. A snippet jshell would reject (a statement continued on a line that
 * starts with a dot, say) fails here, although {@code jshell FILE} itself would only print an
 * error, carry on and exit 0.
 *
 * <p>What a notebook prints is its lesson, so the whole transcript is reviewed once and pinned:
 * it must equal {@code golden/notebooks/<notebook>.txt} byte for byte (the seeds make it
 * deterministic), and a drift names the notebook and its first differing line. Run with {@code
 * -Dgolden.update=true} to rewrite the transcripts, then review the diff.
 */
class NotebookTest {
  private static final Path NOTEBOOKS = Path.of("notebooks");
  private static final Path GOLDEN = Path.of("src/test/resources/golden/notebooks");
  /** The module's directory as seen from the repository root, for paths in messages. */
  private static final Path FROM_ROOT = Path.of("examples");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final String UPDATE_COMMAND = "mvn -B test -pl examples -am -Dtest=NotebookTest"
      + " -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true";

  @Test
  void everyNotebookDeclaresWhatItShowsAndEndsWithExit() throws IOException {
    // Two comment lines up top tell a learner what the notebook is for (the launcher lists the
    // first); /exit makes `jshell FILE` return to the prompt instead of staying open.
    List<Path> notebooks = notebooks();
    assertFalse(notebooks.isEmpty(), "expected notebooks in " + NOTEBOOKS.toAbsolutePath());
    for (Path notebook : notebooks) {
      List<String> lines = Files.readAllLines(notebook, UTF_8);
      assertTrue(lines.size() > 2 && lines.get(0).startsWith("// ")
          && lines.get(1).startsWith("// "), notebook + ": expected two comment lines up top");
      assertTrue(lines.contains("import io.kubenetsim.*;"), notebook + ": expected the import");
      assertEquals("/exit", lines.stream().filter(l -> !l.isBlank()).reduce((a, b) -> b)
          .orElse(""), notebook + ": expected /exit as the last line");
    }
  }

  @Test
  void everyGoldenTranscriptBelongsToANotebook() throws IOException {
    // A transcript whose notebook was renamed or removed would never be checked again.
    Set<String> names = new TreeSet<>();
    for (Path notebook : notebooks()) {
      names.add(transcriptName(notebook));
    }
    Set<String> orphans = new TreeSet<>();
    try (Stream<Path> files = Files.list(GOLDEN)) {
      files.map(p -> p.getFileName().toString()).filter(f -> !names.contains(f))
          .forEach(orphans::add);
    }
    assertEquals(Set.of(), orphans, "expected only <notebook>.txt transcripts in "
        + FROM_ROOT.resolve(GOLDEN)
        + " (notebooks: " + names + "); delete the files whose notebook is gone");
  }

  @TestFactory
  Stream<DynamicTest> everyNotebookRunsCleanlyAndPrintsItsReviewedTranscript() throws IOException {
    // Byte-for-byte comparison pins the lesson: names, IPs, rules, tables and the comments'
    // claims about them ("same IP as before? false") all at once.
    return notebooks().stream().map(notebook -> DynamicTest.dynamicTest(
        notebook.getFileName().toString(), () -> {
          String output = run(notebook);
          Path golden = GOLDEN.resolve(transcriptName(notebook));
          if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, output, UTF_8);
          }
          assertTrue(Files.exists(golden), "notebook " + notebook.getFileName()
              + " has no golden transcript " + FROM_ROOT.resolve(golden) + "; write it with\n  "
              + UPDATE_COMMAND + "\nthen read it through before committing it");
          String expected = Files.readString(golden, UTF_8);
          if (!expected.equals(output)) {
            throw new AssertionFailedError(drift(notebook, golden, expected, output), expected,
                output);
          }
        }));
  }

  @Test
  void aDriftNamesTheNotebookItsFirstDifferingLineAndHowToUpdate() {
    // The message is all a reader of a CI log gets: which notebook, where, and what to run.
    String message = drift(Path.of("notebooks/01-x.jsh"), GOLDEN.resolve("01-x.txt"),
        "a\nb\nc\n", "a\nB\nc\n");
    assertTrue(message.startsWith("notebook 01-x.jsh drifted from its golden transcript "
        + FROM_ROOT.resolve(GOLDEN).resolve("01-x.txt") + " at line 2:\n  expected: b\n"
        + "  actual:   B\n"), message);
    assertTrue(message.contains(UPDATE_COMMAND), message);
    assertTrue(drift(Path.of("01-x.jsh"), GOLDEN, "a\n", "a\nmore\n")
        .contains("at line 2:\n  expected: <end of transcript>\n  actual:   more\n"));
    assertTrue(drift(Path.of("01-x.jsh"), GOLDEN, "a\n", "a")
        .contains("at line 2:\n  expected: <a line break>\n  actual:   <no line break>\n"));
  }

  /** {@return the golden transcript's file name for a notebook: its name with {@code .txt}} */
  private static String transcriptName(Path notebook) {
    String name = notebook.getFileName().toString();
    return name.substring(0, name.length() - ".jsh".length()) + ".txt";
  }

  /**
   * {@return a message naming the notebook that drifted, its first differing line (expected and
   * actual) and how to accept the change after review}
   */
  private static String drift(Path notebook, Path golden, String expected, String actual) {
    List<String> want = expected.lines().toList();
    List<String> got = actual.lines().toList();
    int line = 0;
    while (line < want.size() && line < got.size() && want.get(line).equals(got.get(line))) {
      line++;
    }
    String wanted = line < want.size() ? want.get(line) : "<end of transcript>";
    String printed = line < got.size() ? got.get(line) : "<end of transcript>";
    if (wanted.equals(printed)) {   // the lines agree; only the final line break differs
      wanted = expected.endsWith("\n") ? "<a line break>" : "<no line break>";
      printed = actual.endsWith("\n") ? "<a line break>" : "<no line break>";
    }
    return "notebook " + notebook.getFileName() + " drifted from its golden transcript "
        + FROM_ROOT.resolve(golden) + " at line " + (line + 1) + ":\n  expected: " + wanted
        + "\n  actual:   " + printed + "\nIf the change is intended, rewrite the transcripts with"
        + "\n  " + UPDATE_COMMAND + "\nand review `git diff " + FROM_ROOT.resolve(GOLDEN)
        + "` before committing.";
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
