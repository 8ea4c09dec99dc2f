package io.kubenetsim.examples;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code examples/notebook} is how a learner opens a notebook, so its promises are run with
 * bash: no argument lists every notebook with its first comment line, an unknown or ambiguous
 * name lists them and exits 2, a missing jar names the build command and exits 2, and a number
 * or a name opens that notebook in jshell with the jar on the class path, from any directory.
 * The last two run a copy of the script beside a copy of the notebooks (no jar there, or an
 * empty one and a stand-in {@code jshell} that prints its arguments), so they do not depend on
 * whether the jar has been built.
 */
class NotebookLauncherTest {
  private static final Path SCRIPT = Path.of("notebook").toAbsolutePath();
  private static final Path NOTEBOOKS = Path.of("notebooks").toAbsolutePath();
  private static final long TIMEOUT_SECONDS = 30;

  private record Result(int exitCode, String stdout, String stderr) {}

  @Test
  void theScriptIsExecutableSoItRunsAsExamplesSlashNotebook() {
    assertTrue(Files.isExecutable(SCRIPT), "expected " + SCRIPT + " to be executable");
  }

  @Test
  void noArgumentListsEveryNotebookWithItsFirstCommentLine() throws Exception {
    Result result = run(SCRIPT, Path.of("").toAbsolutePath(), List.of(), "");
    assertEquals(0, result.exitCode(), "expected exit 0, got " + result);
    assertEquals("", result.stderr(), "expected nothing on stderr");
    assertTrue(result.stdout().startsWith("usage: examples/notebook NUMBER|NAME"),
        result.stdout());
    List<Path> notebooks = notebooks(NOTEBOOKS);
    assertEquals(8, notebooks.size(), "expected the eight notebooks, got " + notebooks);
    for (Path notebook : notebooks) {
      String name = notebook.getFileName().toString().replace(".jsh", "");
      String title = Files.readAllLines(notebook, UTF_8).get(0)
          .replaceFirst("^// Notebook \\d\\d: ", "");
      assertTrue(result.stdout().lines().anyMatch(l -> l.startsWith("  " + name + " ")
          && l.endsWith(" " + title)), "expected a line listing " + name + " with [" + title
          + "], got:\n" + result.stdout());
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"nosuch", "09", "service"})
  void anUnknownOrAmbiguousNameListsTheNotebooksAndExitsTwo(String name) throws Exception {
    // "service" is part of two names (02, 05): guessing one would open the wrong lesson.
    Result result = run(SCRIPT, Path.of("").toAbsolutePath(), List.of(), name);
    assertEquals(2, result.exitCode(), "expected exit 2, got " + result);
    assertEquals("", result.stdout(), "expected nothing on stdout");
    assertTrue(result.stderr().startsWith("examples/notebook: ")
        && result.stderr().contains("\"" + name + "\""), result.stderr());
    assertTrue(result.stderr().contains("\n  03-endpointslices "), result.stderr());
  }

  @Test
  void aMissingJarSaysWhichBuildCommandToRunAndExitsTwo(@TempDir Path root) throws Exception {
    Path script = copyScriptAndNotebooks(root);
    Result result = run(script, root, List.of(), "03");
    assertEquals(2, result.exitCode(), "expected exit 2, got " + result);
    assertTrue(result.stderr().contains("examples/target/kube-netsim.jar is missing")
        && result.stderr().contains("mvn -B -q package -DskipTests"), result.stderr());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"03", "3", "endpointslices", "03-endpointslices",
      "03-endpointslices.jsh", "examples/notebooks/03-endpointslices.jsh", "slices"})
  void aNumberOrANameOpensThatNotebookInJshellFromAnyDirectory(String name, @TempDir Path root)
      throws Exception {
    Path script = copyScriptAndNotebooks(root);
    Path jar = root.resolve("examples/target/kube-netsim.jar");
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "", UTF_8);
    Path bin = Files.createDirectories(root.resolve("bin"));
    Path jshell = bin.resolve("jshell");
    Files.writeString(jshell, "#!/usr/bin/env bash\necho \"jshell $*\"\n", UTF_8);
    Files.setPosixFilePermissions(jshell, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path elsewhere = Files.createDirectories(root.resolve("somewhere/else"));
    Result result = run(script, elsewhere, List.of(bin), name);
    assertEquals(0, result.exitCode(), "expected exit 0, got " + result);
    assertEquals("jshell --class-path " + jar + " "
        + root.resolve("examples/notebooks/03-endpointslices.jsh") + "\n", result.stdout());
  }

  /** Copies the script and the notebooks into {@code root/examples}. {@return the script} */
  private static Path copyScriptAndNotebooks(Path root) throws IOException {
    Path notebooks = Files.createDirectories(root.resolve("examples/notebooks"));
    for (Path notebook : notebooks(NOTEBOOKS)) {
      Files.copy(notebook, notebooks.resolve(notebook.getFileName()));
    }
    return Files.copy(SCRIPT, root.resolve("examples/notebook"));
  }

  private static List<Path> notebooks(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(p -> p.toString().endsWith(".jsh")).sorted().toList();
    }
  }

  /**
   * Runs {@code bash script [argument]} in {@code directory}, with {@code pathFirst} put in
   * front of PATH. An empty argument means none.
   */
  private static Result run(Path script, Path directory, List<Path> pathFirst, String argument)
      throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    if (!argument.isEmpty()) {
      command.add(argument);
    }
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    List<String> path = new ArrayList<>(pathFirst.stream().map(Path::toString).toList());
    path.add(System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    builder.environment().put("PATH", String.join(File.pathSeparator, path));
    Process process = builder.start();
    process.getOutputStream().close();
    CompletableFuture<String> stdout = CompletableFuture.supplyAsync(
        () -> read(process.getInputStream()));
    CompletableFuture<String> stderr = CompletableFuture.supplyAsync(
        () -> read(process.getErrorStream()));
    boolean exited = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly();
    }
    assertTrue(exited, "bash " + script + " " + argument + " did not exit within "
        + TIMEOUT_SECONDS + " s");
    return new Result(process.exitValue(), stdout.get(), stderr.get());
  }

  private static String read(InputStream stream) {
    try (stream) {
      return new String(stream.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
