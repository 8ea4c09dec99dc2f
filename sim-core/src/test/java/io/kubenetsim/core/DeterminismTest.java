package io.kubenetsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServiceType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Same seed and same calls give a byte-identical event log (FoundationDB's "unseed" check);
 * and the sources use none of the APIs that would make that impossible.
 */
class DeterminismTest {

  /**
   * A busy run touching every moving part: two Deployments in two namespaces, Services of
   * several types over them (random ClusterIPs and NodePorts, a load balancer, slices), scaling
   * both ways, pod deletion, a crash, a node failure with eviction, a node added and one removed.
   */
  static Cluster busyScenario(long seed) {
    Cluster c = KubeSim.cluster().nodes(3).seed(seed).build();
    c.createNamespace("shop");
    c.createNamespace("ops");
    c.deployment("shop/web").replicas(3).label("app", "web").containerPort("http", 8080)
        .create();
    c.deployment("ops/api").replicas(2).label("app", "api").containerPort("grpc", 9090)
        .create();
    c.settle();
    c.expose("shop/web").port(80).targetPort("http").type(ServiceType.NODE_PORT).create();
    c.expose("ops/api").port(9090).type(ServiceType.LOAD_BALANCER).create();
    c.service("shop/web-headless").selector("app", "web").port(8080).headless().create();
    c.getDeployment("shop/web").scale(6);
    c.runFor(Duration.ofSeconds(1));
    c.getDeployment("ops/api").scale(4);
    c.settle();
    c.getDeployment("shop/web").scale(4);
    c.pods("ops", "app=api").get(1).delete();
    c.runFor(Duration.ofSeconds(5));
    List<PodHandle> web = c.pods("shop", "app=web");
    web.get(web.size() - 1).crash();
    c.settle();
    c.node("node-2").fail();
    c.runFor(Duration.ofSeconds(50 + 300 + 10));
    c.settle();
    c.addNode("node-4");
    c.getDeployment("shop/web").scale(7);
    c.settle();
    c.node("node-2").remove();
    c.settle();
    c.getDeployment("ops/api").scale(1);
    c.settle();
    return c;
  }

  /** {@return pod name, IP and node of every pod: what a different seed should change} */
  private static String placement(Cluster c) {
    return c.list(Pod.class).stream()
        .map(p -> p.metadata().key() + " " + p.status().podIP() + " " + p.spec().nodeName())
        .collect(Collectors.joining("\n")) + "\n" + c.list(Service.class).stream()
        .map(s -> s.metadata().key() + " " + s.spec().clusterIP() + " " + s.spec().ports())
        .collect(Collectors.joining("\n"));
  }

  @Test
  void theSameSeedGivesAByteIdenticalEventLog() {
    // Proves reproducibility end to end: two runs agree on every event, its time and its
    // detail (names, IPs, nodes), hence on the digest too.
    Cluster first = busyScenario(42);
    Cluster second = busyScenario(42);
    assertTrue(first.events().size() > 150,
        "the scenario should be busy; it recorded only " + first.events().size() + " events");
    assertEquals(first.events().toString(), second.events().toString());
    assertEquals(first.events().digest(), second.events().digest());
    assertEquals(placement(first), placement(second));
  }

  @Test
  void anotherSeedGivesOtherNamesIpsOrPlacement() {
    // Proves the seed is actually used: a different seed changes what the log records.
    Cluster first = busyScenario(42);
    Cluster other = busyScenario(4242);
    assertNotEquals(placement(first), placement(other), "seeds 42 and 4242 gave the same pods");
    assertNotEquals(first.events().digest(), other.events().digest());
  }

  @Test
  void theBusyScenarioEndsConverged() {
    // Proves the scenario really exercised recovery paths rather than stalling: both
    // Deployments end with their replicas Ready, and node-2's pods were evicted and collected.
    Cluster c = busyScenario(42);
    assertEquals(7, c.getDeployment("shop/web").pods().stream().filter(PodHandle::isReady)
        .count(), Diagnostics.context(c));
    assertEquals(1, c.getDeployment("ops/api").pods().size(), Diagnostics.context(c));
    assertTrue(c.list(Pod.class).stream().noneMatch(p -> p.spec().nodeName().equals("node-2")),
        Diagnostics.context(c));
    assertTrue(c.events().ofKind("TaintManagerEviction").size() > 0, "no pod was evicted");
    assertTrue(c.events().ofKind("BackOff").size() > 0, "no pod crashed");
  }

  // ---- forbidden names ----

  private static final List<String> FORBIDDEN = List.of(
      "System.currentTimeMillis", "System.nanoTime", "Instant.now", "LocalDateTime.now",
      "new Random(", "Math.random", "ThreadLocalRandom", "UUID.randomUUID",
      "InetAddress.getByName", "Thread.sleep", "parallelStream", "Executors");

  private static final Pattern FORBIDDEN_PATTERN = Pattern.compile(FORBIDDEN.stream()
      .map(Pattern::quote).collect(Collectors.joining("|")));

  @Test
  void sourcesUseNoWallClockNoUnseededRandomnessAndNoThreads() throws IOException {
    // Proves the determinism discipline of STYLE §4 holds in sim-core and sim-api: none of
    // the names that read the machine's clock, draw unseeded randomness, resolve real DNS or
    // start threads appears in code. Comment lines are skipped so docs may name them.
    List<String> hits = new ArrayList<>();
    int files = 0;
    for (Path root : List.of(Path.of("src/main/java"), Path.of("../sim-api/src/main/java"))) {
      assertTrue(Files.isDirectory(root), root.toAbsolutePath() + " is not a directory; run the "
          + "tests from the sim-core module directory (as Maven does)");
      List<Path> sources;
      try (Stream<Path> walk = Files.walk(root)) {
        sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
      }
      for (Path source : sources) {
        files++;
        List<String> lines = Files.readAllLines(source);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i).trim();
          if (line.startsWith("//") || line.startsWith("*") || line.startsWith("/*")) {
            continue;
          }
          var matcher = FORBIDDEN_PATTERN.matcher(line);
          if (matcher.find()) {
            hits.add(source.normalize() + ":" + (i + 1) + ": " + matcher.group() + " in: " + line);
          }
        }
      }
    }
    assertTrue(files > 50, "expected the main sources, found only " + files + " files");
    assertTrue(hits.isEmpty(), "forbidden by STYLE §4 (use the virtual clock, the seeded "
        + "SeededRandom child streams, InetAddresses.forString, one thread):\n"
        + String.join("\n", hits));
  }

  @Test
  void theForbiddenNameScanCatchesWhatItLooksFor() {
    // Proves the scan's pattern is not vacuous.
    assertTrue(FORBIDDEN_PATTERN.matcher("long t = System.nanoTime();").find());
    assertTrue(FORBIDDEN_PATTERN.matcher("var r = new Random(3);").find());
    assertTrue(FORBIDDEN_PATTERN.matcher("list.parallelStream()").find());
    assertTrue(!FORBIDDEN_PATTERN.matcher("sim.clock().now()").find());
  }
}
