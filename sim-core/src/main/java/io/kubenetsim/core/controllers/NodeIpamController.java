package io.kubenetsim.core.controllers;

import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.core.ipam.CidrSet;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.Informer;
import io.kubenetsim.core.store.WatchEvent;
import io.kubenetsim.model.Node;
import io.kubenetsim.net.Cidr;
import java.util.List;
import java.util.Optional;

/**
 * kube-controller-manager's node IPAM ({@code --allocate-node-cidrs}): gives each new Node a
 * pod CIDR from the cluster CIDR, marks CIDRs that nodes brought along as taken, and frees a
 * deleted node's CIDR. {@code spec.podCIDR} is write-once, so a node that has one keeps it.
 */
public final class NodeIpamController {
  private final Simulator sim;
  private final ApiStore store;
  private final CidrSet cidrs;

  public NodeIpamController(Simulator sim, ApiStore store, Informer<Node> nodes,
      Cidr clusterCidr, int nodeMaskSize) {
    this.sim = sim;
    this.store = store;
    this.cidrs = new CidrSet(clusterCidr, nodeMaskSize);
    nodes.addHandler(this::onNodeEvent);
  }

  private void onNodeEvent(WatchEvent event) {
    Node node = (Node) event.object();
    List<String> podCidrs = node.spec().podCIDRs().isEmpty() && !node.spec().podCIDR().isEmpty()
        ? List.of(node.spec().podCIDR()) : node.spec().podCIDRs();
    if (event.type() == WatchEvent.Type.DELETED) {
      podCidrs.forEach(c -> Cidr.tryParse(c).ifPresent(cidrs::release));
      return;
    }
    if (!podCidrs.isEmpty()) {
      podCidrs.forEach(c -> Cidr.tryParse(c).ifPresent(cidrs::occupy));
      return;
    }
    if (store.get(Node.class, node.metadata().key())
        .filter(n -> n.spec().podCIDR().isEmpty()).isEmpty()) {
      return; // gone, or assigned already by a write this stale event predates
    }
    Optional<Cidr> cidr = cidrs.allocateNext();
    if (cidr.isEmpty()) {
      sim.log().record("CIDRNotAvailable", node.ref(), "no pod CIDR left in the cluster CIDR");
      return;
    }
    String text = cidr.get().toString();
    store.patch(Node.class, node.metadata().key(),
        n -> n.withSpec(n.spec().withPodCIDRs(List.of(text))),
        "CIDRAssignmentSucceeded", "podCIDR " + text);
  }
}
