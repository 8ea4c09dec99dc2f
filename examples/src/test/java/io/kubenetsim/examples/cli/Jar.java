package io.kubenetsim.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the built {@code kube-netsim.jar} as a user would, for the end-to-end tests. */
final class Jar {
  static final Path MODULE = Path.of("").toAbsolutePath();
  private static final long TIMEOUT_SECONDS = 60;

  private Jar() {}

  /** What one run of the jar printed, and how it exited. */
  record Result(int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
  }

  /** Runs the jar with these arguments, feeding {@code stdin} (then end of input). */
  static Result run(Path scratch, String stdin, String... args) {
    return run(scratch, stdin, List.of(), args);
  }

  /**
   * Runs the jar in a JVM started with {@code jvmOptions} (such as {@code -XX:hashCode=2}),
   * with these arguments, feeding {@code stdin} (then end of input).
   */
  static Result run(Path scratch, String stdin, List<String> jvmOptions, String... args) {
    String jar = System.getProperty("kubenetsim.jar");
    assertNotNull(jar, "failsafe passes -Dkubenetsim.jar; run with mvn verify");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar));
    command.addAll(List.of(args));
    try {
      Path dir = Files.createTempDirectory(scratch, "run");
      Path out = dir.resolve("stdout");
      Path err = dir.resolve("stderr");
      // Output goes to files, so a large output can never block the child on a full pipe.
      Process process = new ProcessBuilder(command).directory(MODULE.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      try (OutputStream in = process.getOutputStream()) {
        in.write(stdin.getBytes(UTF_8));
      }
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("expected " + command + " to finish within " + TIMEOUT_SECONDS + "s");
      }
      return new Result(process.exitValue(), Files.readString(out, UTF_8),
          Files.readString(err, UTF_8));
    } catch (IOException e) {
      throw new AssertionError("could not run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted running " + command, e);
    }
  }

  /** {@return the JSON values printed one after another, as a streaming reader sees them} */
  static List<JsonNode> jsonStream(String text) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (var values = new ObjectMapper().readerFor(JsonNode.class).<JsonNode>readValues(text)) {
      values.forEachRemaining(docs::add);
    }
    return docs;
  }
}
