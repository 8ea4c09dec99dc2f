package io.kubenetsim.core.proxy.iptables;

import static io.kubenetsim.core.proxy.iptables.IptablesRuleCompiler.NODE_PORTS;
import static io.kubenetsim.core.proxy.iptables.IptablesRuleCompiler.SERVICES;
import static io.kubenetsim.core.proxy.iptables.IptablesRuleCompiler.destination;

import io.kubenetsim.KubeProxyConfiguration;
import io.kubenetsim.core.proxy.NodeContext;
import io.kubenetsim.core.proxy.iptables.Match.AddressTypeLocal;
import io.kubenetsim.core.proxy.iptables.Match.Comment;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The last KUBE-SERVICES rule(s), into KUBE-NODEPORTS: every local destination, or with {@code
 * nodePortAddresses} one rule per matching node address (127.0.0.1 first, as the loopback
 * interface is listed first). Localhost NodePorts are on by default in iptables mode, so no
 * {@code ! -d 127.0.0.0/8}. The only KUBE-SERVICES rules that depend on the node's addresses.
 */
final class NodePortsJump {
  private static final Comment COMMENT =
      new Comment("kubernetes service nodeports; NOTE: this must be the last rule in this chain");
  private static final IpAddress LOOPBACK = IpAddress.parse("127.0.0.1");

  /** The rule for every local destination, the same on every node. */
  static final Rule TO_LOCAL_ADDRESSES = Rule.of(SERVICES,
      List.of(COMMENT, new AddressTypeLocal(false)), Target.of(NODE_PORTS));

  private NodePortsJump() {}

  /** {@return whether NodePorts are open on every local address, with one rule for all} */
  static boolean everyLocalAddress(KubeProxyConfiguration config) {
    List<String> addresses = config.nodePortAddresses();
    return addresses.isEmpty() || addresses.contains("0.0.0.0/0");
  }

  /** {@return the node's rules} */
  static List<Rule> rules(NodeContext node) {
    if (everyLocalAddress(node.config())) {
      return List.of(TO_LOCAL_ADDRESSES);
    }
    List<String> addresses = node.config().nodePortAddresses();
    List<IpAddress> candidates = new ArrayList<>();
    candidates.add(LOOPBACK);
    candidates.addAll(node.nodeIPs());
    List<Rule> rules = new ArrayList<>();
    for (IpAddress ip : candidates) {
      boolean selected = addresses.stream().anyMatch(a -> a.equals("primary")
          ? ip.equals(node.primaryIP())
          : Cidr.tryParse(a).map(c -> c.contains(ip)).orElse(false));
      if (selected) {
        rules.add(Rule.of(SERVICES, List.of(COMMENT, destination(ip)), Target.of(NODE_PORTS)));
      }
    }
    return rules;
  }
}
