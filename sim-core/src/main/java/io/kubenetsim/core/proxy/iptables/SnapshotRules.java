package io.kubenetsim.core.proxy.iptables;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.proxy.NodeContext;
import io.kubenetsim.core.proxy.ProxySnapshot;
import io.kubenetsim.net.IpAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot's iptables rules, compiled once and shared by every node. What differs between
 * nodes stays small and is applied per node:
 *
 * <ul>
 *   <li>the shared chains (KUBE-SERVICES, KUBE-NODEPORTS, KUBE-EXTERNAL-SERVICES, …) are
 *       compiled once, with the rules that exist only on nodes with (or without) local
 *       endpoints marked as such ({@link Presence}), and packed for the walk;
 *   <li>KUBE-SERVICES ends with the node's NodePort jumps ({@link NodePortsJump}), one shared
 *       rule unless {@code nodePortAddresses} names addresses;
 *   <li>a service port's own chains depend on the node only through a {@link PortVariant};
 *       they are compiled when a walk first jumps into the port and shared by all nodes with
 *       the same variant ({@link PortChainSet}).
 * </ul>
 *
 * <p>So a node's first packet costs a walk, not a compile of the whole rule set; {@link
 * #forNode} assembles a node's whole rule set for dumps, identical to what compiling it for the
 * node alone gives. The caches are looked up, never iterated into output, and hold values that
 * are pure functions of their keys, so what was cached never changes a result. Confined to the
 * simulation thread.
 */
final class SnapshotRules implements RuleSource {
  /** Port chain sets kept besides each port's first: bounds memory when variants are per node. */
  private static final int CACHED_VARIANTS = 1024;
  /** NodePort jumps kept for nodes with {@code nodePortAddresses}. */
  private static final int CACHED_JUMPS = 256;

  private final ProxySnapshot snapshot;
  private final ImmutableList<PortSlot> ports;
  private final int portsCompiled;
  private final SharedTable nat;
  private final SharedTable filter;
  private final List<RuleChain> servicesToLocalAddresses;
  private final Map<VariantKey, PortChainSet> otherChains = lru(CACHED_VARIANTS);
  private final Map<JumpKey, List<RuleChain>> servicesByAddresses = lru(CACHED_JUMPS);
  private int portChainCompiles;

  /** A port (by slot identity) and a variant other than its first. */
  private record VariantKey(PortSlot port, PortVariant variant) {}

  private record JumpKey(ImmutableList<String> nodePortAddresses,
      ImmutableList<IpAddress> nodeIPs) {}

  /**
   * @param ports the snapshot's ports in order, some perhaps reused from an earlier snapshot
   * @param portsCompiled how many of them were compiled for this snapshot
   */
  SnapshotRules(ProxySnapshot snapshot, List<PortSlot> ports, int portsCompiled,
      SharedTable nat, SharedTable filter) {
    this.snapshot = snapshot;
    this.ports = ImmutableList.copyOf(ports);
    this.portsCompiled = portsCompiled;
    this.nat = nat;
    this.filter = filter;
    this.servicesToLocalAddresses = services(List.of(NodePortsJump.TO_LOCAL_ADDRESSES));
  }

  /** {@return the snapshot these rules were compiled from} */
  ProxySnapshot snapshot() {
    return snapshot;
  }

  /** {@return the compiled ports, in the snapshot's order} */
  ImmutableList<PortSlot> ports() {
    return ports;
  }

  /** {@return how many ports were compiled for this snapshot, not reused (for tests)} */
  int portsCompiled() {
    return portsCompiled;
  }

  /** {@return how many port chain sets were compiled so far (for tests)} */
  int portChainCompiles() {
    return portChainCompiles;
  }

  @Override
  public List<RuleChain> chain(String table, String name, NodeContext node) {
    SharedTable shared = table.equals(nat.name()) ? nat : filter;
    RuleChain chain = shared.chain(name);
    if (chain == null) {
      return null;
    }
    if (shared == nat && name.equals(IptablesRuleCompiler.SERVICES)) {
      return servicesChain(node);
    }
    return chain.alone();
  }

  @Override
  public PortChainSet portChains(int port, NodeContext node) {
    PortSlot slot = ports.get(port);
    PortShape shape = slot.shape;
    PortVariant first = slot.firstVariant();
    if (first != null && !shape.usesLocal && !shape.usesFirewallChain && first.sharedBy(node)) {
      return slot.firstChains();
    }
    PortVariant variant = PortVariant.of(shape, node);
    if (first == null) {
      slot.keepFirst(variant, compile(shape, variant));
      return slot.firstChains();
    }
    if (variant.equals(first)) {
      return slot.firstChains();
    }
    VariantKey key = new VariantKey(slot, variant);
    PortChainSet chains = otherChains.get(key);
    if (chains == null) {
      chains = compile(shape, variant);
      otherChains.put(key, chains);
    }
    return chains;
  }

  /** {@return the node's whole rule set, as {@link IptablesRuleCompiler#compile} documents it} */
  IptablesRules forNode(NodeContext node) {
    Table.Builder natTable = nat.forNode(node.nodeName());
    Table.Builder filterTable = filter.forNode(node.nodeName());
    for (int port = 0; port < ports.size(); port++) {
      for (RuleChain chain : portChains(port, node).chains()) {
        natTable.declare(chain.name());
        for (int i = 0; i < chain.size(); i++) {
          natTable.append(chain.rule(i));
        }
      }
    }
    NodePortsJump.rules(node).forEach(natTable::append);
    return new IptablesRules(natTable.build(), filterTable.build());
  }

  private PortChainSet compile(PortShape shape, PortVariant variant) {
    portChainCompiles++;
    return PortChainSet.compile(shape, variant);
  }

  /** {@return nat KUBE-SERVICES as the node has it: the shared rules, then its jumps} */
  private List<RuleChain> servicesChain(NodeContext node) {
    if (NodePortsJump.everyLocalAddress(node.config())) {
      return servicesToLocalAddresses;
    }
    JumpKey key = new JumpKey(node.config().nodePortAddresses(), node.nodeIPs());
    List<RuleChain> chain = servicesByAddresses.get(key);
    if (chain == null) {
      chain = services(NodePortsJump.rules(node));
      servicesByAddresses.put(key, chain);
    }
    return chain;
  }

  private List<RuleChain> services(List<Rule> jumps) {
    RuleChain shared = nat.chain(IptablesRuleCompiler.SERVICES);
    return List.of(shared,
        RuleChain.of(Chain.of(IptablesRuleCompiler.SERVICES, false, jumps)));
  }

  private static <K, V> Map<K, V> lru(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }
}
