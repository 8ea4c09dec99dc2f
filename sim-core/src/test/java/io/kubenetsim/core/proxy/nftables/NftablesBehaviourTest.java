package io.kubenetsim.core.proxy.nftables;

import static io.kubenetsim.core.proxy.nftables.NftablesFixtures.NODE;
import static io.kubenetsim.core.proxy.nftables.NftablesFixtures.ready;
import static io.kubenetsim.core.proxy.nftables.NftablesFixtures.tcp;
import static io.kubenetsim.core.proxy.nftables.NftablesFixtures.terminating;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.core.engine.SeededRandom;
import io.kubenetsim.core.proxy.ProxyDecision;
import io.kubenetsim.core.proxy.ProxyEndpoint;
import io.kubenetsim.core.proxy.ProxyNodeState;
import io.kubenetsim.core.proxy.ProxyPacket;
import io.kubenetsim.core.proxy.ProxySnapshot;
import io.kubenetsim.core.proxy.ServicePortInfo;
import io.kubenetsim.core.proxy.nftables.NftablesFixtures.Port;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.RuleOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** numgen spread, affinity sets, terminating fallback, and the cost of a lookup. */
class NftablesBehaviourTest {
  private final NftablesBackend backend = new NftablesBackend();
  private final ProxyNodeState state = new ProxyNodeState();
  private final SeededRandom random = new SeededRandom(42);

  private ProxyDecision send(ProxySnapshot snapshot, ProxyPacket packet, Instant now) {
    return backend.evaluate(snapshot, NftablesFixtures.node(), packet, state, now, random);
  }

  private static ProxySnapshot threeEndpoints(Port port) {
    return ProxySnapshot.of(1, List.of(port.endpoints(ready("10.180.0.1", NODE),
        ready("10.180.1.1", "node2"), ready("10.180.2.1", "node3")).build()));
  }

  @Test
  void numgenSpreadsEvenlyWithAFixedSeed() {
    ProxySnapshot snapshot = threeEndpoints(new Port("ns1", "svc1", "172.30.0.41"));
    Map<HostPort, Integer> counts = new TreeMap<>(HostPort.BY_TEXT);
    for (int i = 0; i < 30_000; i++) {
      ProxyDecision d = send(snapshot, tcp("10.0.0.2", "172.30.0.41", 80), Instant.EPOCH);
      assertEquals(3, d.candidates().size());
      counts.merge(d.backend().orElseThrow().address(), 1, Integer::sum);
    }
    assertEquals(3, counts.size());
    counts.values().forEach(c -> assertTrue(Math.abs(c - 10_000) < 500, counts::toString));
  }

  @Test
  void affinityStickUntilTheSetEntryExpires() {
    ProxySnapshot snapshot = threeEndpoints(
        new Port("ns5", "svc5", "172.30.0.45").affinity(Duration.ofSeconds(10800)));
    Instant start = Instant.parse("2024-01-01T00:00:00Z");
    ProxyDecision first = send(snapshot, tcp("10.0.0.9", "172.30.0.45", 80), start);
    assertEquals(3, first.candidates().size());
    ProxyEndpoint chosen = first.backend().orElseThrow();
    assertTrue(first.matchedRules().stream().anyMatch(r -> r.startsWith("update @affinity-")));
    Instant at = start;
    for (int i = 0; i < 50; i++) {
      at = at.plusSeconds(3600); // each packet refreshes the entry's timeout, as update does
      ProxyDecision again = send(snapshot, tcp("10.0.0.9", "172.30.0.45", 80), at);
      assertEquals(chosen, again.backend().orElseThrow());
      assertEquals(List.of(chosen), again.candidates());
      assertTrue(again.matchedRules().stream().anyMatch(r -> r.startsWith("ip saddr @affinity-"))
          && again.matchedRules().stream().noneMatch(r -> r.startsWith("numgen")),
          again.matchedRules()::toString);
    }
    ProxyDecision expired = send(snapshot, tcp("10.0.0.9", "172.30.0.45", 80),
        at.plusSeconds(10801));
    assertEquals(3, expired.candidates().size());
  }

  @Test
  void terminatingEndpointsOnlyWhenNoneIsReady() {
    ProxySnapshot draining = ProxySnapshot.of(1, List.of(new Port("ns1", "svc1", "172.30.0.41")
        .endpoints(terminating("10.180.0.1", NODE), terminating("10.180.1.1", "node2"))
        .build()));
    ProxyDecision d = send(draining, tcp("10.0.0.2", "172.30.0.41", 80), Instant.EPOCH);
    assertEquals(RuleOutcome.DNAT, d.outcome());
    assertEquals(2, d.candidates().size());

    ProxySnapshot mixed = ProxySnapshot.of(2, List.of(new Port("ns1", "svc1", "172.30.0.41")
        .endpoints(terminating("10.180.0.1", NODE), ready("10.180.1.1", "node2")).build()));
    ProxyDecision m = send(mixed, tcp("10.0.0.2", "172.30.0.41", 80), Instant.EPOCH);
    assertEquals(List.of(ready("10.180.1.1", "node2")), m.candidates());
  }

  @Test
  void costDoesNotGrowWithTheNumberOfServices() {
    for (ProxyPacket packet : List.of(tcp("10.0.0.2", "172.30.0.5", 80),
        tcp("203.0.113.2", "192.168.0.2", 30005), tcp("10.0.0.2", "172.30.0.5", 443),
        tcp("10.0.0.2", "172.30.255.254", 80), tcp("10.0.0.2", "8.8.8.8", 53))) {
      ProxyDecision small = send(services(100), packet, Instant.EPOCH);
      ProxyDecision large = send(services(10_000), packet, Instant.EPOCH);
      assertEquals(small.outcome(), large.outcome(), packet::toString);
      assertEquals(small.rulesEvaluated(), large.rulesEvaluated(), packet::toString);
      assertTrue(small.rulesEvaluated() < 20, () -> packet + ": " + small.rulesEvaluated());
    }
  }

  private static ProxySnapshot services(int count) {
    List<ServicePortInfo> ports = new ArrayList<>();
    IpAddress base = IpAddress.parse("172.30.0.0");
    for (int i = 1; i <= count; i++) {
      ports.add(new Port("ns", "svc" + i, base.plus(i).toString()).nodePort(30000 + i % 2000)
          .endpoints(ready("10.180.0.1", NODE), ready("10.180.1.1", "node2")).build());
    }
    return ProxySnapshot.of(count, ports);
  }
}
