package io.kubenetsim.core.proxy.ipvs;

import static io.kubenetsim.core.proxy.ipvs.IpvsIpsets.CLUSTER_IP;
import static io.kubenetsim.core.proxy.ipvs.IpvsIpsets.EXTERNAL_IP;
import static io.kubenetsim.core.proxy.ipvs.IpvsIpsets.EXTERNAL_IP_LOCAL;
import static io.kubenetsim.core.proxy.ipvs.IpvsIpsets.HEALTH_CHECK_NODE_PORT;
import static io.kubenetsim.core.proxy.ipvs.IpvsIpsets.IPVS_IPS;
import static io.kubenetsim.core.proxy.ipvs.IpvsIpsets.LOAD_BALANCER;

import io.kubenetsim.core.proxy.NodeContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code iptables-save} text of the rules IPVS mode installs beside its virtual servers, as
 * upstream's {@code createAndLinkKubeChain} and {@code writeIptablesRules}
 * ({@code pkg/proxy/ipvs/proxier.go}): nat {@code KUBE-SERVICES} with ipset matches marking
 * traffic for masquerade ({@code KUBE-MARK-MASQ}), {@code KUBE-NODE-PORT},
 * {@code KUBE-LOAD-BALANCER}, {@code KUBE-POSTROUTING} with the {@code KUBE-LOOP-BACK} hairpin
 * rule; filter {@code KUBE-IPVS-FILTER}, {@code KUBE-PROXY-FIREWALL},
 * {@code KUBE-SOURCE-RANGES-FIREWALL}, {@code KUBE-FORWARD}, {@code KUBE-NODE-PORT}.
 *
 * <p>Rules are printed the way {@code iptables-save} reads them back: {@code -s} before
 * {@code -m} matches, {@code --or-mark}/{@code --xor-mark} as {@code --set-xmark}, REJECT with
 * its default {@code --reject-with}. Simplification: the jump rules in the built-in chains are
 * shown without anything else a real host has there, packet counters are zero, and the
 * per-LB {@code KUBE-IPVS-OUT-FILTER} drop rules are left out.
 */
final class IpvsIptablesRules {
  private static final String MARK = "0x4000";

  /** The last KUBE-IPVS-FILTER rule: new connections to a bound address nothing serves. */
  static final String IPVS_FILTER_REJECT = "-A KUBE-IPVS-FILTER -m conntrack --ctstate NEW -m "
      + "set --match-set " + IPVS_IPS + " dst -j REJECT --reject-with icmp-port-unreachable";

  private IpvsIptablesRules() {}

  /** {@return {@code *nat} then {@code *filter}, each ending in {@code COMMIT}} */
  static String render(IpvsIpsets sets, NodeContext node) {
    StringBuilder out = new StringBuilder();
    out.append("*nat\n");
    builtins(out, "PREROUTING", "INPUT", "OUTPUT", "POSTROUTING");
    chains(out, "KUBE-LOAD-BALANCER", "KUBE-MARK-MASQ", "KUBE-NODE-PORT", "KUBE-POSTROUTING",
        "KUBE-SERVICES");
    out.append("-A PREROUTING -m comment --comment \"kubernetes service portals\""
        + " -j KUBE-SERVICES\n");
    out.append("-A OUTPUT -m comment --comment \"kubernetes service portals\""
        + " -j KUBE-SERVICES\n");
    out.append("-A POSTROUTING -m comment --comment \"kubernetes postrouting rules\""
        + " -j KUBE-POSTROUTING\n");
    natRules(sets, node).forEach(rule -> out.append(rule).append('\n'));
    out.append("COMMIT\n*filter\n");
    builtins(out, "INPUT", "FORWARD", "OUTPUT");
    chains(out, "KUBE-FORWARD", "KUBE-IPVS-FILTER", "KUBE-IPVS-OUT-FILTER", "KUBE-NODE-PORT",
        "KUBE-PROXY-FIREWALL", "KUBE-SOURCE-RANGES-FIREWALL");
    out.append("-A INPUT -m comment --comment \"kubernetes ipvs access filter\""
        + " -j KUBE-IPVS-FILTER\n");
    out.append("-A INPUT -m comment --comment \"kube-proxy firewall rules\""
        + " -j KUBE-PROXY-FIREWALL\n");
    out.append("-A INPUT -m comment --comment \"kubernetes health check rules\""
        + " -j KUBE-NODE-PORT\n");
    out.append("-A FORWARD -m comment --comment \"kube-proxy firewall rules\""
        + " -j KUBE-PROXY-FIREWALL\n");
    out.append("-A FORWARD -m comment --comment \"kubernetes forwarding rules\""
        + " -j KUBE-FORWARD\n");
    out.append("-A OUTPUT -m comment --comment \"kubernetes ipvs access filter\""
        + " -j KUBE-IPVS-OUT-FILTER\n");
    filterRules(sets).forEach(rule -> out.append(rule).append('\n'));
    out.append("COMMIT\n");
    return out.toString();
  }

  private static void builtins(StringBuilder out, String... names) {
    for (String name : names) {
      out.append(':').append(name).append(" ACCEPT [0:0]\n");
    }
  }

  private static void chains(StringBuilder out, String... names) {
    for (String name : names) {
      out.append(':').append(name).append(" - [0:0]\n");
    }
  }

  /** The nat rules in the order {@code writeIptablesRules} writes them. */
  private static List<String> natRules(IpvsIpsets sets, NodeContext node) {
    List<String> rules = new ArrayList<>();
    rules.add("-A KUBE-SERVICES -s 127.0.0.0/8 -j RETURN");
    setRule(rules, sets, IpvsIpsets.LOOP_BACK, "KUBE-POSTROUTING", "", "dst,dst,src",
        "MASQUERADE");
    setRule(rules, sets, LOAD_BALANCER, "KUBE-SERVICES", "", "dst,dst", "KUBE-LOAD-BALANCER");
    setRule(rules, sets, IpvsIpsets.LOAD_BALANCER_LOCAL, "KUBE-LOAD-BALANCER", "", "dst,dst",
        "RETURN");
    String[][] nodePorts = {
        {IpvsIpsets.NODE_PORT_LOCAL_TCP, "tcp", "dst", "RETURN"},
        {IpvsIpsets.NODE_PORT_TCP, "tcp", "dst", "KUBE-MARK-MASQ"},
        {IpvsIpsets.NODE_PORT_LOCAL_UDP, "udp", "dst", "RETURN"},
        {IpvsIpsets.NODE_PORT_UDP, "udp", "dst", "KUBE-MARK-MASQ"},
        {IpvsIpsets.NODE_PORT_LOCAL_SCTP, "sctp", "dst,dst", "RETURN"},
        {IpvsIpsets.NODE_PORT_SCTP, "sctp", "dst,dst", "KUBE-MARK-MASQ"}};
    for (String[] np : nodePorts) {
      setRule(rules, sets, np[0], "KUBE-NODE-PORT", "-p " + np[1] + " ", np[2], np[3]);
    }
    if (!sets.isEmpty(CLUSTER_IP)) {
      rules.add(clusterIpMasquerade(node));
    }
    if (!sets.isEmpty(EXTERNAL_IP)) {
      rules.add("-A KUBE-SERVICES " + match(sets, EXTERNAL_IP, "dst,dst") + " -j KUBE-MARK-MASQ");
      externalAccept(rules, sets, EXTERNAL_IP);
    }
    if (!sets.isEmpty(EXTERNAL_IP_LOCAL)) {
      externalAccept(rules, sets, EXTERNAL_IP_LOCAL);
    }
    rules.add("-A KUBE-SERVICES -m addrtype --dst-type LOCAL -j KUBE-NODE-PORT");
    rules.add("-A KUBE-LOAD-BALANCER -j KUBE-MARK-MASQ");
    for (String set : List.of(CLUSTER_IP, LOAD_BALANCER)) {
      if (!sets.isEmpty(set)) {
        rules.add("-A KUBE-SERVICES -m set --match-set " + set + " dst,dst -j ACCEPT");
      }
    }
    rules.add("-A KUBE-POSTROUTING -m mark ! --mark " + MARK + "/" + MARK + " -j RETURN");
    rules.add("-A KUBE-POSTROUTING -j MARK --set-xmark " + MARK + "/0x0");
    rules.add("-A KUBE-POSTROUTING -m comment --comment"
        + " \"kubernetes service traffic requiring SNAT\" -j MASQUERADE --random-fully");
    rules.add("-A KUBE-MARK-MASQ -j MARK --set-xmark " + MARK + "/" + MARK);
    return rules;
  }

  /**
   * {@return the rule that marks ClusterIP traffic for masquerade, as {@code
   * writeIptablesRules} picks it} With {@code masqueradeAll}, every packet to a ClusterIP;
   * with a local-traffic detector, sources it does not call pods; without one, packets whose
   * source is a ClusterIP — what a node process gets when it dials a VIP bound to {@code
   * kube-ipvs0}, since the kernel then picks the VIP itself as the source address.
   */
  static String clusterIpMasquerade(NodeContext node) {
    String set = "-m comment --comment \"" + IpvsIpsets.CLUSTER_IP_COMMENT + "\" -m set"
        + " --match-set " + CLUSTER_IP;
    if (node.config().masqueradeAll()) {
      return "-A KUBE-SERVICES " + set + " dst,dst -j KUBE-MARK-MASQ";
    }
    return node.localTraffic()
        .map(pods -> "-A KUBE-SERVICES ! -s " + pods + " " + set + " dst,dst -j KUBE-MARK-MASQ")
        .orElse("-A KUBE-SERVICES " + set + " src,dst -j KUBE-MARK-MASQ");
  }

  private static void externalAccept(List<String> rules, IpvsIpsets sets, String set) {
    String base = "-A KUBE-SERVICES " + match(sets, set, "dst,dst");
    rules.add(base + " -m physdev ! --physdev-is-in -m addrtype ! --src-type LOCAL -j ACCEPT");
    rules.add(base + " -m addrtype --dst-type LOCAL -j ACCEPT");
  }

  /** The filter rules in the order {@code writeIptablesRules} writes them. */
  private static List<String> filterRules(IpvsIpsets sets) {
    List<String> rules = new ArrayList<>();
    setRule(rules, sets, IpvsIpsets.LOAD_BALANCER_FW, "KUBE-PROXY-FIREWALL", "", "dst,dst",
        "KUBE-SOURCE-RANGES-FIREWALL");
    setRule(rules, sets, IpvsIpsets.LB_SOURCE_CIDR, "KUBE-SOURCE-RANGES-FIREWALL", "",
        "dst,dst,src", "RETURN");
    setRule(rules, sets, IpvsIpsets.LB_SOURCE_IP, "KUBE-SOURCE-RANGES-FIREWALL", "",
        "dst,dst,src", "RETURN");
    rules.add("-A KUBE-SOURCE-RANGES-FIREWALL -j DROP");
    rules.add("-A KUBE-FORWARD -m comment --comment \"kubernetes forwarding rules\" -m mark"
        + " --mark " + MARK + "/" + MARK + " -j ACCEPT");
    rules.add("-A KUBE-FORWARD -m comment --comment \"kubernetes forwarding conntrack rule\""
        + " -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT");
    rules.add("-A KUBE-NODE-PORT " + match(sets, HEALTH_CHECK_NODE_PORT, "dst") + " -j ACCEPT");
    for (String set : List.of(LOAD_BALANCER, CLUSTER_IP, EXTERNAL_IP, EXTERNAL_IP_LOCAL)) {
      rules.add("-A KUBE-IPVS-FILTER -m set --match-set " + set + " dst,dst -j RETURN");
    }
    rules.add("-A KUBE-IPVS-FILTER -m set --match-set " + HEALTH_CHECK_NODE_PORT
        + " dst -j RETURN");
    rules.add(IPVS_FILTER_REJECT);
    return rules;
  }

  private static void setRule(List<String> rules, IpvsIpsets sets, String set, String chain,
      String protocol, String flags, String target) {
    if (!sets.isEmpty(set)) {
      rules.add("-A " + chain + " " + protocol + match(sets, set, flags) + " -j " + target);
    }
  }

  private static String match(IpvsIpsets sets, String set, String flags) {
    return "-m comment --comment \"" + sets.comment(set) + "\" -m set --match-set " + set + " "
        + flags;
  }
}
