package io.kubenetsim.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code shell} command through the built jar, as a script drives it: commands read from
 * piped stdin run in order against one cluster, each printing only its own output; a failed
 * command that asked for {@code -o json} answers with one {@code {"error": …}} object so a
 * reader of the JSON stream stays aligned; the exit code is the highest of the commands'.
 */
@Execution(ExecutionMode.CONCURRENT)
class ShellCliIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SHOP = "src/test/resources/cli/shop";
  private static final String LIST = "src/test/resources/cli/list";
  private static final String BAD = "src/test/resources/cli/bad/";

  @TempDir Path scratch;

  private Jar.Result kubeNetsim(String stdin, String... args) {
    return Jar.run(scratch, stdin, args);
  }

  @Test
  void shellWithPipedStdinPrintsOnlyEachCommandsOutputInOrder() {
    // No banner, no prompt: the shell's stdout is exactly what the same commands print one at a
    // time, concatenated. Comments and blank lines print nothing.
    String[] commands = {"get pods -n shop -l tier=backend -o name", "get deployments -n shop",
        "settle"};
    String script = commands[0] + "\n# a comment\n\n" + commands[1] + "\n" + commands[2] + "\n";
    Jar.Result shell = kubeNetsim(script, "-f", SHOP, "shell");
    assertEquals(0, shell.exitCode(), shell.toString());
    assertFalse(shell.stdout().contains("kube-netsim>"), "prompt printed: " + shell.stdout());
    assertFalse(shell.stdout().contains("kube-netsim shell"), "banner printed: " + shell.stdout());
    StringBuilder expected = new StringBuilder();
    for (String command : commands) {
      List<String> args = new ArrayList<>(List.of("-f", SHOP));
      args.addAll(Arrays.asList(command.split(" ")));
      expected.append(kubeNetsim("", args.toArray(String[]::new)).stdout());
    }
    assertTrue(expected.toString().contains("settled at virtual time"), expected.toString());
    assertEquals(expected.toString(), shell.stdout());
  }

  @Test
  void shellAppliesAManifestThenSettlesThenGetsTheNewPodsRunning() {
    // apply creates pods that are Pending until the simulation runs; settle runs it.
    String script = "apply -f " + LIST + "\nget pods -n tools\nsettle\nget pods -n tools -o wide\n";
    Jar.Result result = kubeNetsim(script, "shell");
    assertEquals(0, result.exitCode(), result.toString());
    String out = result.stdout();
    int created = out.indexOf("pod/probe created");
    int pending = out.indexOf("Pending");
    int settled = out.indexOf("settled at virtual time");
    int running = out.indexOf("Running");
    assertTrue(out.startsWith("namespace/tools created\n"), out);
    assertTrue(0 < created && created < pending && pending < settled && settled < running,
        "expected created < Pending < settled < Running, got " + out);
    assertFalse(out.substring(running).contains("Pending"), "expected all Running after settle");
  }

  @Test
  void failedJsonCommandInShellPrintsAnErrorObjectSoTheStreamStaysAligned() throws IOException {
    // A script reading one JSON value per command must get one for the failure too, and the
    // next command's JSON must follow it.
    String script = "get pods debug -n shop -o json\nget pods nope -n shop -o json\n"
        + "get pods -n shop -l tier=backend -o json\n";
    Jar.Result result = kubeNetsim(script, "-f", SHOP, "shell");
    String message = "Error from server (NotFound): pods \"nope\" not found";
    assertEquals(2, result.exitCode(), "expected exit 2, got " + result);
    assertTrue(result.stderr().contains(message), "stderr: " + result.stderr());
    List<JsonNode> docs = Jar.jsonStream(result.stdout());
    assertEquals(3, docs.size(), "expected one JSON value per command, got " + docs);
    assertEquals("debug", docs.get(0).at("/metadata/name").asText());
    assertEquals(JSON.createObjectNode().put("error", message), docs.get(1));
    assertEquals("List", docs.get(2).path("kind").asText());
    assertEquals(2, docs.get(2).path("items").size(), "expected the 2 api pods");
  }

  @ParameterizedTest(name = "[{index}] exit {1}")
  @MethodSource("shellScripts")
  void shellExitCodeIsTheHighestOfItsCommands(String script, int expected) {
    Jar.Result result = kubeNetsim(script, "-f", SHOP, "shell");
    assertEquals(expected, result.exitCode(), "script:\n" + script + "\n" + result);
  }

  static Stream<Arguments> shellScripts() {
    String ok = "get pods -n shop -o name\n";
    String notFound = "get pods nope -n shop\n";
    String refused = "probe --from shop/debug --to shop/debug --port 9\n";
    String badApply = "apply -f " + BAD + "bad-port.yaml\n";
    return Stream.of(
        Arguments.of(ok + ok, 0),
        Arguments.of(refused + ok, 1),
        Arguments.of(notFound + ok, 2),
        Arguments.of(ok + refused + badApply + ok, 2));
  }

  @Test
  void failedApplyInShellChangesNothing() {
    // bad-port.yaml's first two documents are valid; all or nothing means neither is created.
    Jar.Result result = kubeNetsim("apply -f " + BAD + "bad-port.yaml\nget namespaces -o name\n",
        "shell");
    assertEquals(2, result.exitCode(), result.toString());
    assertFalse(result.stdout().contains("namespace/shop"), "shop created: " + result.stdout());
    assertTrue(result.stdout().contains("namespace/default"), result.stdout());
  }

  @Test
  void failedApplyWithOutputJsonInShellPrintsOnlyTheErrorObjectAndAppliesNothing()
      throws IOException {
    // The shell's JSON-stream rule covers apply: a rejected apply -o json answers with one
    // {"error": …} object (the stderr message) and nothing else, the next command's JSON
    // follows, and the file's valid Namespace was not created (all or nothing).
    String script = "apply -f " + BAD + "bad-port.yaml -o json\nget namespaces -o json\n";
    Jar.Result result = kubeNetsim(script, "shell");
    assertEquals(2, result.exitCode(), result.toString());
    List<JsonNode> docs = Jar.jsonStream(result.stdout());
    assertEquals(2, docs.size(), "expected one JSON value per command, got " + docs);
    assertEquals(List.of("error"), fieldNames(docs.get(0)), docs.get(0).toString());
    assertEquals(result.stderr().strip(), docs.get(0).path("error").asText());
    assertTrue(docs.get(0).path("error").asText().contains(
        "spec.containers[0].ports[0].containerPort: Invalid value: 70000"), result.stderr());
    List<String> namespaces = new ArrayList<>();
    docs.get(1).path("items").forEach(n -> namespaces.add(n.at("/metadata/name").asText()));
    assertFalse(namespaces.contains("shop"), "shop created: " + namespaces);
  }

  @Test
  void applyWithOutputJsonInShellPrintsTheAppliedObjectsAsTheServerReturnedThem()
      throws IOException {
    // Several objects come back in one typed v1 List (kind, apiVersion, metadata {}, items),
    // carrying the server-set uids that a later get shows for the same objects.
    String script = "apply -f " + LIST + " -o json\nget pods -n tools -o json\n"
        + "apply -f " + LIST + " -o name\n";
    Jar.Result result = kubeNetsim(script, "shell");
    assertEquals(0, result.exitCode(), result.toString());
    List<JsonNode> docs = Jar.jsonStream(result.stdout().substring(0,
        result.stdout().indexOf("namespace/tools")));
    assertEquals(2, docs.size(), "apply and get, one JSON value each: " + docs);
    JsonNode applied = docs.get(0);
    assertEquals(List.of("kind", "apiVersion", "metadata", "items"), fieldNames(applied));
    assertEquals(List.of("Namespace", "Pod", "Pod"), kinds(applied));
    Map<String, String> uids = new HashMap<>();
    docs.get(1).path("items").forEach(p -> uids.put(p.at("/metadata/name").asText(),
        p.at("/metadata/uid").asText()));
    assertEquals(uids.get("toolbox"), applied.at("/items/1/metadata/uid").asText());
    assertEquals(uids.get("probe"), applied.at("/items/2/metadata/uid").asText());
    assertTrue(result.stdout().endsWith("namespace/tools\npod/toolbox\npod/probe\n"),
        "apply -o name: " + result.stdout());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> kinds(JsonNode list) {
    List<String> kinds = new ArrayList<>();
    list.path("items").forEach(item -> kinds.add(item.path("kind").asText()));
    return kinds;
  }
}
