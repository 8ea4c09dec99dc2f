package io.kubenetsim.examples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End-to-end tests of the command-line contract: each test runs the shaded jar in a fresh JVM,
 * exactly as a user or a script would, and checks exit codes, stdout and stderr.
 *
 * <p>The contract: {@code java -jar kube-netsim.jar [-f FILE|DIR]... [--nodes N] [--seed N]
 * COMMAND ARGS} applies the manifests in order, settles, and runs COMMAND; exit 0 on success,
 * 1 when a check the command makes fails, 2 on bad input (message on stderr). Runs after
 * {@code package} (failsafe), which passes the jar's path as {@code kubenetsim.jar}. Paths in
 * arguments are relative to the module folder, the processes' working directory.
 *
 * <p>Golden command lines live in {@code src/test/resources/golden/cli/} as pairs
 * {@code <case>.args} (the arguments, split on white space) and {@code <case>.golden} (stdout,
 * byte for byte). Run with {@code -Dgolden.update=true} to rewrite them, then review the diff.
 */
@Execution(ExecutionMode.CONCURRENT)
class CliIT {
  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path GOLDEN = MODULE.resolve("src/test/resources/golden/cli");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final long TIMEOUT_SECONDS = 60;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String SHOP = "src/test/resources/cli/shop";
  private static final String USER_NODES = "src/test/resources/cli/user-nodes";
  private static final String LIST = "src/test/resources/cli/list";
  private static final String UPDATE_CASE = "src/test/resources/cli/update";
  private static final String BAD = "src/test/resources/cli/bad/";

  @TempDir Path scratch;

  // ---- golden tables ------------------------------------------------------------------------

  @Test
  void everyGoldenArgsFileHasAGoldenOutputAndTheOtherWayAround() throws IOException {
    // An orphaned .golden would never be checked again, and a stray file would be a typo.
    Map<String, Set<String>> byExtension = goldenFilesByExtension();
    Set<String> args = byExtension.getOrDefault("args", Set.of());
    Set<String> golden = byExtension.getOrDefault("golden", Set.of());
    assertFalse(args.isEmpty(), "expected golden cases in " + GOLDEN + ", found none");
    assertTrue(Set.of("args", "golden").containsAll(byExtension.keySet()),
        "expected only .args and .golden files in " + GOLDEN + ", found " + byExtension);
    Set<String> orphans = new TreeSet<>(golden);
    orphans.removeAll(args);
    assertEquals(Set.of(), orphans, "expected no .golden without its .args");
    Set<String> unwritten = new TreeSet<>(args);
    unwritten.removeAll(golden);
    if (!UPDATE) {
      assertEquals(Set.of(), unwritten, "expected a .golden for every .args; run with "
          + "-Dgolden.update=true to write them");
    }
  }

  @TestFactory
  Stream<DynamicTest> goldenCommandLinesPrintExactlyTheirGoldenFiles() throws IOException {
    // Byte-for-byte comparison pins columns, widths, sorting, AGE from the virtual clock and
    // the seeded pod names and IPs all at once.
    Set<String> cases = goldenFilesByExtension().getOrDefault("args", Set.of());
    return cases.stream().sorted().map(name -> DynamicTest.dynamicTest(name, () -> {
      String line = Files.readString(GOLDEN.resolve(name + ".args"), UTF_8).strip();
      Jar.Result result = kubeNetsim("", line.split("\\s+"));
      assertEquals(0, result.exitCode(), "expected exit 0 for " + line + ", got " + result);
      assertEquals("", result.stderr(), "expected no stderr for " + line);
      Path golden = GOLDEN.resolve(name + ".golden");
      if (UPDATE) {
        Files.writeString(golden, result.stdout(), UTF_8);
        return;
      }
      assertTrue(Files.exists(golden), "missing " + golden + "; run with -Dgolden.update=true");
      assertEquals(Files.readString(golden, UTF_8), result.stdout(),
          "stdout of `" + line + "` differs from " + golden);
    }));
  }

  private static Map<String, Set<String>> goldenFilesByExtension() throws IOException {
    try (Stream<Path> files = Files.list(GOLDEN)) {
      return files.map(p -> p.getFileName().toString()).collect(Collectors.groupingBy(
          f -> f.substring(f.lastIndexOf('.') + 1),
          Collectors.mapping(f -> f.substring(0, f.lastIndexOf('.')),
              Collectors.toCollection(TreeSet::new))));
    }
  }

  // ---- get: output formats and selection ----------------------------------------------------

  @Test
  void jsonOutputIsAKubernetesListWhosePodIpsLieInTheirNodesPodCidrs() throws IOException {
    // A List with status filled in is what scripts consume; checking each podIP against its
    // own node's podCIDR (read from `get nodes -o json`) proves the IPs are node-local.
    Jar.Result pods = kubeNetsim("", "-f", SHOP, "--seed", "7", "get", "pods", "-A", "-o", "json");
    assertEquals(0, pods.exitCode(), "expected exit 0, got " + pods);
    JsonNode list = JSON.readTree(pods.stdout());
    assertEquals("List", list.path("kind").asText(), "expected kind List, got " + list.get("kind"));
    assertEquals("v1", list.path("apiVersion").asText());
    assertEquals(8, list.path("items").size(), "expected 6 pods in the shop and 2 of CoreDNS");
    assertPodsInsideTheirNodesPodCidrs(list, podCidrs("-f", SHOP, "--seed", "7"));
  }

  @Test
  void nameOutputPrintsPodSlashNameForEachPodSorted() {
    // -o name is what `xargs` pipelines use: one kind/name per line, nothing else.
    Jar.Result result = kubeNetsim("", "-f", SHOP, "get", "pods", "-n", "shop", "-o", "name");
    assertEquals(0, result.exitCode(), "expected exit 0, got " + result);
    List<String> lines = result.stdout().lines().toList();
    assertEquals(6, lines.size(), "expected 6 names, got " + lines);
    lines.forEach(l -> assertTrue(l.matches("pod/[a-z0-9][a-z0-9-]*"), "not pod/NAME: " + l));
    assertTrue(lines.contains("pod/debug"), "expected pod/debug in " + lines);
    assertEquals(lines.stream().sorted().toList(), lines, "expected names sorted");
  }

  @Test
  void labelSelectorKeepsOnlyPodsWhoseLabelsMatch() {
    // tier=backend is on the api template only; != is the negated form kubectl accepts.
    Jar.Result backend = kubeNetsim("", "-f", SHOP, "get", "pods", "-n", "shop", "-l", "tier=backend",
        "-o", "name");
    assertEquals(0, backend.exitCode(), "expected exit 0, got " + backend);
    List<String> lines = backend.stdout().lines().toList();
    assertEquals(2, lines.size(), "expected the 2 api pods, got " + lines);
    lines.forEach(l -> assertTrue(l.startsWith("pod/api-"), "expected an api pod, got " + l));

    Jar.Result notWeb = kubeNetsim("", "-f", SHOP, "get", "pods", "-n", "shop", "-l", "app!=web",
        "-o", "name");
    List<String> notWebLines = notWeb.stdout().lines().toList();
    assertEquals(3, notWebLines.size(), "expected 2 api pods and debug, got " + notWebLines);
    assertTrue(notWebLines.stream().noneMatch(l -> l.startsWith("pod/web-")), notWeb.stdout());
  }

  @Test
  void allNamespacesListsEveryNamespacesPodsWithANamespaceColumn() {
    // Two -f options: the shop (namespace shop) and a List (namespace tools); kube-system holds
    // CoreDNS's two pods. Without -n or -A kubectl looks in "default", which is empty here.
    Jar.Result all = kubeNetsim("", "-f", SHOP, "-f", LIST, "get", "pods", "-A");
    assertEquals(0, all.exitCode(), "expected exit 0, got " + all);
    List<String> lines = all.stdout().lines().toList();
    assertTrue(lines.get(0).matches("NAMESPACE +NAME .*"), "header: " + lines.get(0));
    Set<String> namespaces = lines.stream().skip(1).map(l -> l.split("\\s+")[0])
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(Set.of("kube-system", "shop", "tools"), namespaces,
        "expected pods of both namespaces and CoreDNS's");
    assertEquals(1 + 2 + 6 + 2, lines.size(),
        "expected header + 2 CoreDNS + 6 shop + 2 tools pods: " + lines);

    Jar.Result defaultNamespace = kubeNetsim("", "-f", SHOP, "get", "pods");
    assertEquals(0, defaultNamespace.exitCode(), defaultNamespace.toString());
    assertEquals("", defaultNamespace.stdout());
    assertEquals("No resources found in default namespace.\n", defaultNamespace.stderr());
  }

  @Test
  void listKindCreatesEveryItemInIt() {
    // The List wraps a Namespace and two Pods; all three must exist and the pods run.
    Jar.Result result = kubeNetsim("", "-f", LIST, "get", "pods", "-n", "tools");
    assertEquals(0, result.exitCode(), "expected exit 0, got " + result);
    List<String> lines = result.stdout().lines().toList();
    assertEquals(3, lines.size(), "expected header + 2 pods, got " + lines);
    assertTrue(lines.get(1).matches("probe +1/1 +Running .*"), lines.get(1));
    assertTrue(lines.get(2).matches("toolbox +1/1 +Running .*"), lines.get(2));
  }

  // ---- exit codes and messages --------------------------------------------------------------

  @Test
  void missingPodExitsTwoWithKubectlsNotFoundMessageOnStderr() {
    // An unknown name is bad input, so a script can tell a typo (2) from a verdict (1).
    Jar.Result result = kubeNetsim("", "-f", SHOP, "get", "pods", "x", "-n", "shop");
    assertEquals(2, result.exitCode(), "expected exit 2, got " + result);
    assertEquals("", result.stdout(), "expected nothing on stdout");
    assertEquals("Error from server (NotFound): pods \"x\" not found\n", result.stderr());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badManifests")
  void badManifestExitsTwoNamingFileDocumentObjectAndField(
      String file, String document, String object, String field) {
    // stdout stays empty: a script must not mistake a half-applied cluster's output for data.
    String path = BAD + file;
    Jar.Result result = kubeNetsim("", "-f", path, "get", "pods", "-A");
    assertEquals(2, result.exitCode(), "expected exit 2 for " + file + ", got " + result);
    assertEquals("", result.stdout(), "expected nothing on stdout for " + file);
    for (String part : List.of(path, document, object, field)) {
      assertTrue(result.stderr().contains(part),
          "expected stderr to contain [" + part + "], got: " + result.stderr());
    }
  }

  static Stream<Arguments> badManifests() {
    return Stream.of(
        //           file                      document       object                    field
        Arguments.of("invalid-name.yaml",      "(document 2)", "Pod \"shop/Web_1\"",
            "metadata.name: Invalid value: \"Web_1\""),
        Arguments.of("bad-port.yaml",          "(document 3)", "Pod \"shop/web\"",
            "spec.containers[0].ports[0].containerPort: Invalid value: 70000"),
        Arguments.of("unknown-field.yaml",     "(document 2)", "Deployment \"shop/web\"",
            "unknown field \"spec.template.spec.containers[0].imagePullPolice\""),
        Arguments.of("unknown-kind.yaml",      "(document 2)", "name: \"web\" namespace: \"shop\"",
            "no matches for kind \"Servce\" in version \"v1\""),
        Arguments.of("missing-namespace.yaml", "(document 1)", "Pod \"nowhere/web\"",
            "metadata.namespace: Not found: \"nowhere\""),
        // A document that is not YAML has no object yet; the line within the document is the
        // nearest thing to a field.
        Arguments.of("syntax-error.yaml",      "(document 2)", "error converting YAML to JSON",
            "line 9: mapping values are not allowed"));
  }

  @Test
  void unknownGlobalOptionExitsTwoWithUsageOnStderr() {
    Jar.Result result = kubeNetsim("", "--frobnicate", "get", "pods");
    assertEquals(2, result.exitCode(), "expected exit 2, got " + result);
    assertEquals("", result.stdout(), "expected nothing on stdout");
    assertTrue(result.stderr().contains("unknown option \"--frobnicate\""), result.stderr());
    assertTrue(result.stderr().contains("usage: java -jar kube-netsim.jar [-f FILE|DIR]..."),
        "expected the usage on stderr, got: " + result.stderr());
  }

  @Test
  void tourExitsZeroAndPrintsTheReviewedTour() throws IOException {
    // The same golden file as TourTest: the jar's `tour` is the library's Tour, unchanged.
    Jar.Result result = kubeNetsim("", "tour");
    assertEquals(0, result.exitCode(), "expected exit 0, got " + result);
    assertEquals("", result.stderr());
    Path golden = MODULE.resolve("src/test/resources/golden/tour.txt");
    assertEquals(Files.readString(golden, UTF_8), result.stdout(), "tour differs from " + golden);
  }

  // ---- seeds, nodes and manifest order ------------------------------------------------------

  @Test
  void sameSeedGivesIdenticalOutputAndAnotherSeedGivesOtherPodNames() throws IOException {
    // JSON carries names, uids, IPs, nodes and timestamps, so equality of the whole text is a
    // strong replay check; the generated name suffixes come from the seeded random source.
    String[] args = {"-f", SHOP, "--seed", "7", "get", "pods", "-A", "-o", "json"};
    Jar.Result first = kubeNetsim("", args);
    Jar.Result second = kubeNetsim("", args);
    Jar.Result otherSeed = kubeNetsim("", "-f", SHOP, "--seed", "8", "get", "pods", "-A", "-o",
        "json");
    assertEquals(0, first.exitCode(), first.toString());
    assertEquals(first.stdout(), second.stdout(), "expected the same seed to replay exactly");
    Set<String> names7 = generatedPodNames(first.stdout());
    Set<String> names8 = generatedPodNames(otherSeed.stdout());
    assertEquals(7, names7.size(), "expected 5 ReplicaSet pods and CoreDNS's 2, got " + names7);
    Set<String> common = new HashSet<>(names7);
    common.retainAll(names8);
    assertEquals(Set.of(), common, "expected seeds 7 and 8 to name pods differently");
  }

  @Test
  void userNodesWithNodesZeroGetThePodsAndHandOutIpsFromTheirOwnPodCidrs() throws IOException {
    // --nodes 0: the only nodes are the two in the manifest. Their podCIDRs and addresses
    // must survive (not be replaced by the simulated IPAM), and pod IPs come from them.
    Jar.Result nodes = kubeNetsim("", "-f", USER_NODES, "--nodes", "0", "get", "nodes", "-o", "json");
    assertEquals(0, nodes.exitCode(), nodes.toString());
    JsonNode nodeList = JSON.readTree(nodes.stdout());
    assertEquals(2, nodeList.path("items").size(), "expected only the 2 user nodes");
    Map<String, String> expectedCidrs = Map.of("worker-a", "10.50.1.0/24",
        "worker-b", "10.50.2.0/24");
    for (JsonNode node : nodeList.path("items")) {
      String name = node.at("/metadata/name").asText();
      assertEquals(expectedCidrs.get(name), node.at("/spec/podCIDR").asText(), name);
      String suffix = name.equals("worker-a") ? "11" : "12";
      assertEquals(Map.of("InternalIP", "192.168.10." + suffix, "ExternalIP",
          "203.0.113." + suffix, "Hostname", name), addresses(node), name + " addresses");
    }

    Jar.Result pods = kubeNetsim("", "-f", USER_NODES, "--nodes", "0", "get", "pods", "-A", "-o",
        "json");
    assertEquals(0, pods.exitCode(), pods.toString());
    JsonNode podList = JSON.readTree(pods.stdout());
    assertEquals(6, podList.path("items").size(), "expected 4 web pods and 2 of CoreDNS");
    assertPodsInsideTheirNodesPodCidrs(podList, expectedCidrs);
    Set<String> used = new TreeSet<>();
    podList.path("items").forEach(p -> used.add(p.at("/spec/nodeName").asText()));
    assertEquals(expectedCidrs.keySet(), used, "expected the scheduler to use both nodes");
  }

  @Test
  void laterDocumentWithTheSameNameUpdatesTheEarlierOneSoFourPodsRun() throws IOException {
    // replicas: 2 then replicas: 4 in one file, as `kubectl apply` of that file would leave it.
    Jar.Result result = kubeNetsim("get deployments -n shop -o json\nget pods -n shop -o json\n",
        "-f", UPDATE_CASE, "shell");
    assertEquals(0, result.exitCode(), result.toString());
    List<JsonNode> docs = Jar.jsonStream(result.stdout());
    assertEquals(2, docs.size(), "expected two JSON documents, got " + docs.size());
    JsonNode deployment = docs.get(0).path("items").get(0);
    assertEquals(1, docs.get(0).path("items").size(), "expected one Deployment named web");
    assertEquals(4, deployment.at("/spec/replicas").asInt(), "spec.replicas");
    assertEquals(4, deployment.at("/status/readyReplicas").asInt(), "status.readyReplicas");
    assertEquals(4, docs.get(1).path("items").size(), "expected 4 pods");
  }

  // ---- helpers ------------------------------------------------------------------------------

  private Jar.Result kubeNetsim(String stdin, String... args) {
    return Jar.run(scratch, stdin, args);
  }

  /** {@return node name → spec.podCIDR, from `get nodes -o json` after these options} */
  private Map<String, String> podCidrs(String... options) throws IOException {
    List<String> args = new ArrayList<>(List.of(options));
    args.addAll(List.of("get", "nodes", "-o", "json"));
    Jar.Result nodes = kubeNetsim("", args.toArray(String[]::new));
    assertEquals(0, nodes.exitCode(), nodes.toString());
    Map<String, String> cidrs = new HashMap<>();
    for (JsonNode node : JSON.readTree(nodes.stdout()).path("items")) {
      cidrs.put(node.at("/metadata/name").asText(), node.at("/spec/podCIDR").asText());
    }
    return cidrs;
  }

  private static void assertPodsInsideTheirNodesPodCidrs(JsonNode list, Map<String, String> cidrs) {
    for (JsonNode pod : list.path("items")) {
      String name = pod.at("/metadata/name").asText();
      assertEquals("Pod", pod.path("kind").asText(), name);
      assertEquals("Running", pod.at("/status/phase").asText(), name + " status.phase");
      String node = pod.at("/spec/nodeName").asText();
      String cidr = cidrs.get(node);
      assertNotNull(cidr, name + " is on " + node + ", expected one of " + cidrs.keySet());
      String ip = pod.at("/status/podIP").asText();
      assertTrue(inside(ip, cidr), name + ": expected status.podIP in " + cidr + ", got " + ip);
    }
  }

  /** {@return whether an IPv4 address lies in an IPv4 CIDR block} */
  static boolean inside(String ip, String cidr) {
    String[] parts = cidr.split("/");
    int bits = Integer.parseInt(parts[1]);
    long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
    return ip.matches("\\d+\\.\\d+\\.\\d+\\.\\d+") && (ipv4(ip) & mask) == (ipv4(parts[0]) & mask);
  }

  private static long ipv4(String address) {
    long value = 0;
    for (String octet : address.split("\\.")) {
      value = value << 8 | Integer.parseInt(octet);
    }
    return value;
  }

  private static Map<String, String> addresses(JsonNode node) {
    Map<String, String> byType = new HashMap<>();
    node.at("/status/addresses").forEach(a -> byType.put(a.path("type").asText(),
        a.path("address").asText()));
    return byType;
  }

  private static Set<String> generatedPodNames(String podListJson) throws IOException {
    Set<String> names = new TreeSet<>();
    for (JsonNode pod : JSON.readTree(podListJson).path("items")) {
      if (!pod.at("/metadata/generateName").asText().isEmpty()) {
        names.add(pod.at("/metadata/name").asText());
      }
    }
    return names;
  }
}
