package io.kubenetsim.core.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubenetsim.model.IPBlock;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicyPeer;
import io.kubenetsim.model.NetworkPolicyPort;
import io.kubenetsim.model.NetworkPolicyRule;
import io.kubenetsim.model.NetworkPolicySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a NetworkPolicy's {@code spec} as {@code kubectl get networkpolicy -o yaml} prints it,
 * following the Go types' tags ({@code k8s.io/api/networking/v1/types.go}): {@code podSelector}
 * is a struct, always written ({@code {}} when empty); {@code policyTypes}, {@code ingress},
 * {@code egress}, a rule's {@code ports} and {@code from}/{@code to}, and {@code except} are
 * {@code omitempty} lists, so a rule with neither prints {@code {}}; a port's {@code protocol}
 * (defaulted, so always set), {@code port} and {@code endPort} are pointers, written when set; a
 * peer's selectors are pointers too, so {@code podSelector: {}} stays distinct from no
 * selector; {@code ipBlock.cidr} is always written. There is no {@code status}.
 */
final class NetworkPolicyEncoder implements KindEncoder<NetworkPolicy> {

  @Override
  public Class<NetworkPolicy> type() {
    return NetworkPolicy.class;
  }

  @Override
  public boolean namespaced() {
    return true;
  }

  @Override
  public void encode(NetworkPolicy policy, ObjectNode out) {
    NetworkPolicySpec spec = policy.spec();
    ObjectNode specNode = out.putObject("spec");
    specNode.set("podSelector", TreeOut.selector(spec.podSelector()));
    TreeOut.putStrings(specNode, "policyTypes", spec.policyTypes());
    TreeOut.putObjects(specNode, "ingress", rules(spec.ingress(), "from"));
    TreeOut.putObjects(specNode, "egress", rules(spec.egress(), "to"));
  }

  private static List<ObjectNode> rules(List<NetworkPolicyRule> rules, String peersField) {
    List<ObjectNode> out = new ArrayList<>();
    for (NetworkPolicyRule rule : rules) {
      ObjectNode node = TreeOut.object();
      List<ObjectNode> ports = new ArrayList<>();
      rule.ports().forEach(p -> ports.add(port(p)));
      TreeOut.putObjects(node, "ports", ports);
      List<ObjectNode> peers = new ArrayList<>();
      rule.peers().forEach(p -> peers.add(peer(p)));
      TreeOut.putObjects(node, peersField, peers);
      out.add(node);
    }
    return out;
  }

  private static ObjectNode port(NetworkPolicyPort port) {
    ObjectNode out = TreeOut.object();
    out.put("protocol", port.protocol().name());
    port.port().ifPresent(p -> out.set("port", TreeOut.intOrString(p)));
    port.endPort().ifPresent(end -> out.put("endPort", end));
    return out;
  }

  private static ObjectNode peer(NetworkPolicyPeer peer) {
    ObjectNode out = TreeOut.object();
    peer.podSelector().ifPresent(s -> out.set("podSelector", TreeOut.selector(s)));
    peer.namespaceSelector().ifPresent(s -> out.set("namespaceSelector", TreeOut.selector(s)));
    peer.ipBlock().ifPresent(block -> out.set("ipBlock", ipBlock(block)));
    return out;
  }

  private static ObjectNode ipBlock(IPBlock block) {
    ObjectNode out = TreeOut.object();
    out.put("cidr", block.cidr());
    TreeOut.putStrings(out, "except", block.except());
    return out;
  }
}
