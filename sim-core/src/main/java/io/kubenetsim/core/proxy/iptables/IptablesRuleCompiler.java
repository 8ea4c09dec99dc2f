package io.kubenetsim.core.proxy.iptables;

import io.kubenetsim.core.proxy.NodeContext;
import io.kubenetsim.core.proxy.ProxySnapshot;
import io.kubenetsim.core.proxy.ServicePortInfo;
import io.kubenetsim.core.proxy.ServicePortName;
import io.kubenetsim.core.proxy.iptables.Match.Comment;
import io.kubenetsim.core.proxy.iptables.Match.Destination;
import io.kubenetsim.core.proxy.iptables.Match.KernelState;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a {@link ProxySnapshot} into iptables rules the way kube-proxy's {@code
 * syncProxyRules} does ({@code pkg/proxy/iptables/proxier.go}), as a full table per sync — once
 * for all nodes ({@link #compileShared}), with what differs between nodes applied per node
 * ({@link SnapshotRules}). {@link #compile} gives one node's whole rule set.
 *
 * <p>Steps, in upstream's order:
 *
 * <ol>
 *   <li>the jumps from the built-in chains, as {@code iptablesJumpChains} installs them with
 *       {@code -I} (so the last one installed comes first), after kubelet's KUBE-FIREWALL jumps;
 *   <li>KUBE-POSTROUTING, KUBE-MARK-MASQ and (localhost NodePorts being on by default in
 *       iptables mode) filter KUBE-FIREWALL;
 *   <li>every service port, in name order: its rules in the shared chains ({@link
 *       ServiceEntryRules}) and its own chains ({@link ServicePortRules}); a port unchanged
 *       since the previous snapshot keeps what was compiled for it ({@link PortSlot});
 *   <li>the last KUBE-SERVICES rule(s) to KUBE-NODEPORTS ({@link NodePortsJump}), then
 *       KUBE-FORWARD.
 * </ol>
 *
 * <p>Simplification: the empty KUBE-PROXY-CANARY chains and the mangle table are left out, and
 * rule comments are kept even above upstream's large-cluster threshold (1000 endpoints).
 *
 * <pre>{@code
 * IptablesRules rules = IptablesRuleCompiler.compile(snapshot, node);
 * String text = IptablesDump.render(rules);
 * }</pre>
 */
public final class IptablesRuleCompiler {
  static final String MASQUERADE_MARK = "0x4000";
  static final String SERVICES = "KUBE-SERVICES";
  static final String EXTERNAL_SERVICES = "KUBE-EXTERNAL-SERVICES";
  static final String NODE_PORTS = "KUBE-NODEPORTS";
  static final String POSTROUTING = "KUBE-POSTROUTING";
  static final String MARK_MASQ = "KUBE-MARK-MASQ";
  static final String FORWARD = "KUBE-FORWARD";
  static final String PROXY_FIREWALL = "KUBE-PROXY-FIREWALL";
  static final String KUBELET_FIREWALL = "KUBE-FIREWALL";

  private static final String CT_NEW = "-m conntrack --ctstate NEW";

  /** Upstream's {@code iptablesJumpChains}: table, source chain, comment, extra args, target. */
  private record Jump(String table, String from, String comment, String extra, String to) {}

  private static final List<Jump> JUMPS = List.of(
      new Jump("filter", "INPUT", "kubernetes externally-visible service portals", CT_NEW,
          EXTERNAL_SERVICES),
      new Jump("filter", "FORWARD", "kubernetes externally-visible service portals", CT_NEW,
          EXTERNAL_SERVICES),
      new Jump("filter", "INPUT", "kubernetes health check service ports", "", NODE_PORTS),
      new Jump("filter", "FORWARD", "kubernetes service portals", CT_NEW, SERVICES),
      new Jump("filter", "OUTPUT", "kubernetes service portals", CT_NEW, SERVICES),
      new Jump("filter", "FORWARD", "kubernetes forwarding rules", "", FORWARD),
      new Jump("filter", "INPUT", "kubernetes load balancer firewall", CT_NEW, PROXY_FIREWALL),
      new Jump("filter", "OUTPUT", "kubernetes load balancer firewall", CT_NEW, PROXY_FIREWALL),
      new Jump("filter", "FORWARD", "kubernetes load balancer firewall", CT_NEW, PROXY_FIREWALL),
      new Jump("nat", "OUTPUT", "kubernetes service portals", "", SERVICES),
      new Jump("nat", "PREROUTING", "kubernetes service portals", "", SERVICES),
      new Jump("nat", "POSTROUTING", "kubernetes postrouting rules", "", POSTROUTING));

  private IptablesRuleCompiler() {}

  /** {@return the node's nat and filter tables for this snapshot} */
  public static IptablesRules compile(ProxySnapshot snapshot, NodeContext node) {
    return compileShared(snapshot, null).forNode(node);
  }

  /**
   * {@return the rules every node shares}: steps 1 to 4 without what is particular to a node —
   * the NodePort jumps and each service port's own chains, which {@link SnapshotRules} adds for
   * a node when a walk or a dump needs them
   *
   * @param previous an earlier snapshot's rules, whose ports are reused where unchanged (the
   *     same {@link ServicePortInfo}, or an equal one), or null
   */
  static SnapshotRules compileShared(ProxySnapshot snapshot, SnapshotRules previous) {
    SharedTable.Builder nat = new SharedTable.Builder("nat",
        List.of("PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"));
    SharedTable.Builder filter =
        new SharedTable.Builder("filter", List.of("INPUT", "FORWARD", "OUTPUT"));
    writeJumps(nat, filter);
    List.of(SERVICES, EXTERNAL_SERVICES, FORWARD, NODE_PORTS, PROXY_FIREWALL)
        .forEach(filter::declare);
    List.of(SERVICES, NODE_PORTS, POSTROUTING, MARK_MASQ).forEach(nat::declare);
    writeMasqueradeChains(nat, filter);
    Map<ServicePortName, PortSlot> earlier = new HashMap<>();
    if (previous != null) {
      previous.ports().forEach(slot -> earlier.put(slot.shape.name, slot));
    }
    List<PortSlot> slots = new ArrayList<>();
    int compiled = 0;
    for (ServicePortInfo port : snapshot.ports()) {
      PortSlot slot = earlier.get(port.name());
      if (slot == null || !slot.compiledFrom(port)) {
        slot = PortSlot.compile(port);
        compiled++;
      }
      slot.appendTo(nat, filter, slots.size());
      slots.add(slot);
    }
    writeForward(filter);
    List<PortShape> shapes = slots.stream().map(s -> s.shape).toList();
    return new SnapshotRules(snapshot, slots, compiled, nat.build(shapes), filter.build(shapes));
  }

  private static void writeJumps(SharedTable.Builder nat, SharedTable.Builder filter) {
    List<Rule> filterJumps = new ArrayList<>();
    List<Rule> natJumps = new ArrayList<>();
    for (Jump jump : JUMPS) {
      List<Match> matches = new ArrayList<>();
      if (!jump.extra().isEmpty()) {
        matches.add(new KernelState(jump.extra()));
      }
      matches.add(new Comment(jump.comment()));
      Rule rule = Rule.of(jump.from(), matches, Target.of(jump.to()));
      // -I prepends: the last jump installed into a chain is its first rule.
      (jump.table().equals("nat") ? natJumps : filterJumps).add(0, rule);
    }
    natJumps.forEach(nat::append);
    filterJumps.forEach(filter::append);
    // kubelet installed its KUBE-FIREWALL jumps before kube-proxy started.
    filter.append(Rule.of("INPUT", List.of(), Target.of(KUBELET_FIREWALL)));
    filter.append(Rule.of("OUTPUT", List.of(), Target.of(KUBELET_FIREWALL)));
  }

  private static void writeMasqueradeChains(SharedTable.Builder nat,
      SharedTable.Builder filter) {
    String mark = MASQUERADE_MARK + "/" + MASQUERADE_MARK;
    nat.append(Rule.of(POSTROUTING, List.of(new KernelState("-m mark ! --mark " + mark)),
        Target.of("RETURN")));
    nat.append(Rule.of(POSTROUTING, List.of(), new Target("MARK", "--xor-mark "
        + MASQUERADE_MARK)));
    nat.append(Rule.of(POSTROUTING,
        List.of(new Comment("kubernetes service traffic requiring SNAT")),
        Target.of("MASQUERADE")));
    nat.append(Rule.of(MARK_MASQ, List.of(), new Target("MARK", "--or-mark "
        + MASQUERADE_MARK)));
    Cidr loopback = Cidr.parse("127.0.0.0/8");
    filter.declare(KUBELET_FIREWALL);
    filter.append(Rule.of(KUBELET_FIREWALL, List.of(
        new Comment("block incoming localnet connections"),
        new Destination(loopback, loopback.toString(), false),
        new Match.Source(loopback, loopback.toString(), true),
        new KernelState("-m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT")),
        Target.of("DROP")));
  }

  private static void writeForward(SharedTable.Builder filter) {
    String mark = MASQUERADE_MARK + "/" + MASQUERADE_MARK;
    filter.append(Rule.of(FORWARD, List.of(new KernelState("-m conntrack --ctstate INVALID")),
        Target.of("DROP")));
    filter.append(Rule.of(FORWARD, List.of(new Comment("kubernetes forwarding rules"),
        new KernelState("-m mark --mark " + mark)), Target.of("ACCEPT")));
    filter.append(Rule.of(FORWARD, List.of(new Comment("kubernetes forwarding conntrack rule"),
        new KernelState("-m conntrack --ctstate RELATED,ESTABLISHED")), Target.of("ACCEPT")));
  }

  static Destination destination(IpAddress ip) {
    return new Destination(new Cidr(ip, 32), ip.toString(), false);
  }

  static Match.Source source(IpAddress ip) {
    return new Match.Source(new Cidr(ip, 32), ip.toString(), false);
  }
}
