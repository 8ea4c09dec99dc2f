package io.kubenetsim.core.proxy.iptables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.DetectLocalMode;
import io.kubenetsim.KubeProxyConfiguration;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.core.engine.SeededRandom;
import io.kubenetsim.core.proxy.NodeContext;
import io.kubenetsim.core.proxy.ProxyDecision;
import io.kubenetsim.core.proxy.ProxyNodeState;
import io.kubenetsim.core.proxy.ProxyPacket;
import io.kubenetsim.core.proxy.ProxyPacket.Hook;
import io.kubenetsim.core.proxy.ProxySnapshot;
import io.kubenetsim.core.proxy.ServicePortInfo;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import io.kubenetsim.net.RuleOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Connections from clients on many nodes do not compile a rule set per node (issue 10): the
 * counters of the backend (whole shared compiles) and of the shared rules (a service port's own
 * chains) show what was compiled; how decisions come out is {@link SharedRulesProperties}'
 * business.
 */
class SnapshotRulesTest {
  private static final int NODES = 300;
  private static final int SERVICES = 40;

  private static ProxySnapshot snapshot(boolean internalLocal) {
    List<ServicePortInfo> ports = new ArrayList<>();
    for (int i = 0; i < SERVICES; i++) {
      Ports.Builder port = Ports.port("ns", String.format("svc%02d", i), "http",
          "172.30.0." + (i + 1), 80)
          .endpoint("10.0.1." + (i + 1), 8080, "node-1")
          .endpoint("10.0.2." + (i + 1), 8080, "node-2");
      ports.add((internalLocal ? port.internalLocal() : port).build());
    }
    return ProxySnapshot.of(1, ports);
  }

  private static NodeContext node(int n, KubeProxyConfiguration config) {
    Cidr pods = Cidr.parse("10.128.0.0/9").subnet(24, n);
    Optional<Cidr> detector = config.detectLocalMode() == DetectLocalMode.NODE_CIDR
        ? Optional.of(pods) : Optional.of(Cidr.parse("10.0.0.0/8"));
    return new NodeContext("node-" + n, ImmutableList.of(IpAddress.ipv4(0xC0A80000L + n + 2)),
        Optional.of(pods), detector, ImmutableList.of(Cidr.parse("172.30.0.0/16")), config);
  }

  private static KubeProxyConfiguration config() {
    return KubeProxyConfiguration.defaults().withMode(ProxyMode.IPTABLES)
        .withClusterCIDR("10.0.0.0/8");
  }

  /** Every node sends one connection to each of the first ten Services. */
  private static List<ProxyDecision> connectFromEveryNode(IptablesBackend backend,
      ProxySnapshot snapshot, KubeProxyConfiguration config) {
    List<ProxyDecision> decisions = new ArrayList<>();
    for (int n = 0; n < NODES; n++) {
      NodeContext node = node(n, config);
      for (int s = 0; s < 10; s++) {
        ProxyPacket packet = new ProxyPacket(IpAddress.parse("10.0.0.7"),
            IpAddress.parse("172.30.0." + (s + 1)), 80, Protocol.TCP, Hook.PREROUTING);
        decisions.add(backend.evaluate(snapshot, node, packet, new ProxyNodeState(),
            Instant.EPOCH, new SeededRandom(n)));
      }
    }
    return decisions;
  }

  /**
   * With Cluster policies a port's chains are the same on every node: 300 nodes × 10 Services
   * compile the shared rules once and each Service's chains once.
   */
  @Test
  void connectionsFromManyNodesCompileOnceForAllNodes() {
    IptablesBackend backend = new IptablesBackend();
    ProxySnapshot snapshot = snapshot(false);
    List<ProxyDecision> decisions = connectFromEveryNode(backend, snapshot, config());
    assertEquals(1, backend.sharedCompiles(), "shared compiles");
    assertEquals(10, backend.shared(snapshot).portChainCompiles(), "port chain compiles");
    assertEquals(List.of(RuleOutcome.DNAT), decisions.stream().map(ProxyDecision::outcome)
        .distinct().toList(), "every connection DNATed");
  }

  /**
   * With internalTrafficPolicy Local a port's chains differ between nodes with different local
   * endpoints: node-1 and node-2 get their own (two per Service); the 298 nodes without local
   * endpoints have no jump into the port's chains (their filter table DROPs), so nothing to
   * compile.
   */
  @Test
  void localPolicyChainsAreCompiledPerDistinctLocalEndpoints() {
    IptablesBackend backend = new IptablesBackend();
    ProxySnapshot snapshot = snapshot(true);
    List<ProxyDecision> decisions = connectFromEveryNode(backend, snapshot, config());
    assertEquals(1, backend.sharedCompiles(), "shared compiles");
    assertEquals(20, backend.shared(snapshot).portChainCompiles(), "port chain compiles");
    assertEquals(20, decisions.stream().filter(d -> d.outcome() == RuleOutcome.DNAT).count(),
        "DNATed connections (from node-1 and node-2)");
  }

  /**
   * Under {@code detectLocalMode: NodeCIDR} each node's detector CIDR appears in the ports'
   * masquerade rules, so each node compiles the chains of the ports it sends to — ten per node
   * here — but never the whole rule set again.
   */
  @Test
  void aPerNodeDetectorCompilesOnlyThePortsANodeUses() {
    IptablesBackend backend = new IptablesBackend();
    ProxySnapshot snapshot = snapshot(false);
    connectFromEveryNode(backend, snapshot,
        config().withDetectLocalMode(DetectLocalMode.NODE_CIDR));
    assertEquals(1, backend.sharedCompiles(), "shared compiles");
    assertEquals(NODES * 10, backend.shared(snapshot).portChainCompiles(),
        "port chain compiles");
  }

  /**
   * A sync that changed one Service gives a snapshot whose other ports are the same objects:
   * only the changed port is compiled again, and the result is what a fresh compile gives.
   */
  @Test
  void aNewSnapshotRecompilesOnlyTheChangedPorts() {
    IptablesBackend backend = new IptablesBackend();
    ProxySnapshot first = snapshot(false);
    connectFromEveryNode(backend, first, config());
    List<ServicePortInfo> ports = new ArrayList<>(first.ports());
    ports.set(5, Ports.port("ns", "svc05", "http", "172.30.0.6", 80)
        .endpoint("10.0.3.6", 8080, "node-3").build());
    ProxySnapshot second = ProxySnapshot.of(2, ports);
    assertEquals(1, backend.shared(second).portsCompiled(), "ports compiled for the second");
    for (int n = 0; n < 5; n++) {
      NodeContext node = node(n, config());
      assertEquals(IptablesDump.render(IptablesRuleCompiler.compile(second, node)),
          backend.dump(second, node), "dump of node-" + n);
    }
  }

  /** A new snapshot is compiled once; an old one still in use is not compiled again. */
  @Test
  void snapshotsAreCompiledOncePerVersion() {
    IptablesBackend backend = new IptablesBackend();
    ProxySnapshot first = snapshot(false);
    ProxySnapshot second = ProxySnapshot.of(2, first.ports());
    SnapshotRules rules = backend.shared(first);
    backend.shared(second);
    assertSame(rules, backend.shared(first), "the first snapshot's rules, kept");
    assertEquals(2, backend.sharedCompiles(), "shared compiles");
  }
}
