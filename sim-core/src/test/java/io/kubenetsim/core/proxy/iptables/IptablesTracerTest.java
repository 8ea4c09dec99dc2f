package io.kubenetsim.core.proxy.iptables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.core.engine.SeededRandom;
import io.kubenetsim.core.proxy.ProxyDecision;
import io.kubenetsim.core.proxy.ProxyEndpoint;
import io.kubenetsim.core.proxy.ProxyNodeState;
import io.kubenetsim.core.proxy.ProxyPacket.Hook;
import io.kubenetsim.core.proxy.ProxyPacket;
import io.kubenetsim.core.proxy.ProxySnapshot;
import io.kubenetsim.core.proxy.ServicePortInfo;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import io.kubenetsim.net.RuleOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** How the live walk chooses: statistic draws, affinity, terminating fallback, linear cost. */
class IptablesTracerTest {
  private static final IpAddress POD = IpAddress.parse("10.0.0.2");
  private final IptablesBackend backend = new IptablesBackend();

  private static ProxyPacket toClusterIP(IpAddress source, String clusterIP) {
    return new ProxyPacket(source, IpAddress.parse(clusterIP), 80, Protocol.TCP,
        Hook.PREROUTING);
  }

  private static ServicePortInfo threeEndpoints(Ports.Builder builder) {
    return builder.endpoint("10.180.0.1", 80, Ports.NODE).endpoint("10.180.0.2", 80, "host2")
        .endpoint("10.180.0.3", 80, "host3").build();
  }

  /**
   * The cascade 1/3, 1/2, rest gives each of three endpoints a third. Chi-square with 2 degrees
   * of freedom over 30000 draws from a fixed seed must stay under 13.8 (p = 0.001).
   */
  @Test
  void statisticRulesSpreadNewFlowsEvenly() {
    ProxySnapshot snapshot = ProxySnapshot.of(1,
        List.of(threeEndpoints(Ports.port("ns1", "svc1", "p80", "172.30.0.41", 80))));
    SeededRandom random = new SeededRandom(20240601L);
    ProxyNodeState state = new ProxyNodeState();
    Map<HostPort, Integer> counts = new TreeMap<>(HostPort.BY_TEXT);
    int draws = 30_000;
    for (int i = 0; i < draws; i++) {
      ProxyDecision d = backend.evaluate(snapshot, Ports.node(),
          toClusterIP(POD, "172.30.0.41"), state, Instant.EPOCH, random);
      counts.merge(d.backend().orElseThrow().address(), 1, Integer::sum);
    }
    double expected = draws / 3.0;
    double chiSquare = counts.values().stream()
        .mapToDouble(c -> (c - expected) * (c - expected) / expected).sum();
    assertEquals(3, counts.size(), "every endpoint chosen: " + counts);
    assertTrue(chiSquare < 13.8, "chi-square " + chiSquare + " for " + counts);
  }

  /**
   * With ClientIP affinity a client sticks to its first endpoint through the {@code recent
   * --rcheck} rule while the record is fresh; once the timeout has passed the rcheck rules no
   * longer match and the statistic rules choose again.
   */
  @Test
  void affinityHoldsWithinTimeoutAndExpiresAfter() {
    Duration timeout = Duration.ofSeconds(60);
    ProxySnapshot snapshot = ProxySnapshot.of(1, List.of(threeEndpoints(
        Ports.port("ns1", "svc1", "p80", "172.30.0.41", 80).affinity(timeout))));
    SeededRandom random = new SeededRandom(3);
    ProxyNodeState state = new ProxyNodeState();
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    ProxyDecision first = backend.evaluate(snapshot, Ports.node(),
        toClusterIP(POD, "172.30.0.41"), state, start, random);
    ProxyEndpoint chosen = first.backend().orElseThrow();
    for (int second = 1; second <= 50; second++) {
      ProxyDecision again = backend.evaluate(snapshot, Ports.node(),
          toClusterIP(POD, "172.30.0.41"), state, start.plusSeconds(second), random);
      assertEquals(chosen, again.backend().orElseThrow(), "at +" + second + "s");
      assertTrue(again.matchedRules().stream().anyMatch(r -> r.contains("--rcheck")),
          "matched an affinity rule: " + again.matchedRules());
    }
    // The last refresh was at +50 s, so at +111 s the record is stale.
    ProxyDecision later = backend.evaluate(snapshot, Ports.node(),
        toClusterIP(POD, "172.30.0.41"), state, start.plusSeconds(111), random);
    assertTrue(later.matchedRules().stream().noneMatch(r -> r.contains("--rcheck")),
        "no affinity rule matched after expiry: " + later.matchedRules());
    assertTrue(later.matchedRules().stream().anyMatch(r -> r.contains("--set")),
        "the new choice is recorded: " + later.matchedRules());
  }

  /** Terminating-but-serving endpoints are used only when no endpoint is ready (KEP-1669). */
  @Test
  void terminatingEndpointsAreALastResort() {
    Ports.Builder draining = Ports.port("ns1", "svc1", "p80", "172.30.0.41", 80)
        .endpoint("10.180.0.1", 80, Ports.NODE, false, true, true)
        .endpoint("10.180.0.2", 80, "host2", false, true, true)
        .endpoint("10.180.0.3", 80, "host3", false, false, true);
    ProxyDecision fallback = backend.evaluate(ProxySnapshot.of(1, List.of(draining.build())),
        Ports.node(), toClusterIP(POD, "172.30.0.41"), new ProxyNodeState(), Instant.EPOCH,
        new SeededRandom(1));
    assertEquals(List.of(HostPort.parse("10.180.0.1:80"), HostPort.parse("10.180.0.2:80")),
        addresses(fallback));

    draining.endpoint("10.180.0.9", 80, "host9");
    ProxyDecision ready = backend.evaluate(ProxySnapshot.of(2, List.of(draining.build())),
        Ports.node(), toClusterIP(POD, "172.30.0.41"), new ProxyNodeState(), Instant.EPOCH,
        new SeededRandom(1));
    assertEquals(List.of(HostPort.parse("10.180.0.9:80")), addresses(ready));
  }

  private static List<HostPort> addresses(ProxyDecision decision) {
    return decision.candidates().stream().map(ProxyEndpoint::address).toList();
  }

  /**
   * KUBE-SERVICES is a list: reaching the last Service costs one more rule per Service ahead of
   * it, so the count minus the number of Services is the same for every size.
   */
  @Test
  void rulesEvaluatedGrowsLinearlyWithServices() {
    List<Integer> overhead = new ArrayList<>();
    for (int services : List.of(10, 100, 1000)) {
      List<ServicePortInfo> ports = new ArrayList<>();
      for (int i = 0; i < services; i++) {
        ports.add(Ports.port("ns", String.format("svc%04d", i), "p80",
            "172.30." + (i / 250) + "." + (i % 250 + 1), 80)
            .endpoint("10.181." + (i / 250) + "." + (i % 250 + 1), 8080, "host2").build());
      }
      int last = services - 1;
      String clusterIP = "172.30." + (last / 250) + "." + (last % 250 + 1);
      ProxyDecision d = backend.evaluate(ProxySnapshot.of(services, ports), Ports.node(),
          toClusterIP(POD, clusterIP), new ProxyNodeState(), Instant.EPOCH, new SeededRandom(1));
      assertEquals(RuleOutcome.DNAT, d.outcome());
      assertEquals(HostPort.of(IpAddress.parse("10.181." + (last / 250) + "." + (last % 250 + 1)),
          8080), d.backend().orElseThrow().address());
      overhead.add(d.rulesEvaluated() - services);
    }
    assertEquals(1, overhead.stream().distinct().count(), "constant overhead: " + overhead);
  }

  /** Same seed, same snapshot, same packets: the same choices, rule for rule. */
  @Test
  void choicesAreReproducibleFromTheSeed() {
    ProxySnapshot snapshot = ProxySnapshot.of(1,
        List.of(threeEndpoints(Ports.port("ns1", "svc1", "p80", "172.30.0.41", 80))));
    assertEquals(run(snapshot, 99), run(snapshot, 99));
  }

  private List<ProxyDecision> run(ProxySnapshot snapshot, long seed) {
    SeededRandom random = new SeededRandom(seed);
    ProxyNodeState state = new ProxyNodeState();
    List<ProxyDecision> out = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      out.add(backend.evaluate(snapshot, Ports.node(), toClusterIP(POD, "172.30.0.41"), state,
          Instant.EPOCH, random));
    }
    return out;
  }
}
