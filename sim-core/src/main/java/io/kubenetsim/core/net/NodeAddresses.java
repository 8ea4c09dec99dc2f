package io.kubenetsim.core.net;

import com.google.common.collect.MultimapBuilder;
import com.google.common.collect.SortedSetMultimap;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.WatchEvent;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.NodeAddress;
import io.kubenetsim.model.Pod;
import io.kubenetsim.net.IpAddress;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * Which node holds which address, and which hostNetwork pods share each node's addresses —
 * like {@link PodAddresses}, the network's truth kept from the store's writes, so delivering to
 * a node address costs a lookup, not a scan of every node and pod. Several holders of one
 * address (a misconfiguration) resolve to the first by name, as a scan in name order would.
 */
final class NodeAddresses {
  // Keys are looked up, never iterated; each key's values are sorted.
  private final SortedSetMultimap<IpAddress, String> nodesByAddress =
      MultimapBuilder.hashKeys().treeSetValues().build();
  private final SortedSetMultimap<String, NamespacedName> hostPodsByNode =
      MultimapBuilder.hashKeys().treeSetValues().build();

  NodeAddresses(ApiStore store) {
    store.watch(this::onChange);
  }

  /** {@return the node holding this address} (the first by name if several do) */
  Optional<String> owner(IpAddress ip) {
    SortedSet<String> nodes = nodesByAddress.get(ip);
    return nodes.isEmpty() ? Optional.empty() : Optional.of(nodes.first());
  }

  /** {@return the hostNetwork pods bound to this node, by namespace and name} */
  List<NamespacedName> hostNetworkPods(String node) {
    return List.copyOf(hostPodsByNode.get(node));
  }

  private void onChange(WatchEvent event) {
    boolean deleted = event.type() == WatchEvent.Type.DELETED;
    if (event.object() instanceof Node node) {
      event.old().map(Node.class::cast).ifPresent(old -> addresses(old).forEach(ip ->
          nodesByAddress.remove(ip, old.metadata().name())));
      if (!deleted) {
        addresses(node).forEach(ip -> nodesByAddress.put(ip, node.metadata().name()));
      }
    } else if (event.object() instanceof Pod pod) {
      event.old().map(Pod.class::cast).filter(old -> old.spec().hostNetwork())
          .ifPresent(old -> hostPodsByNode.remove(old.spec().nodeName(), old.metadata().key()));
      if (!deleted && pod.spec().hostNetwork() && !pod.spec().nodeName().isEmpty()) {
        hostPodsByNode.put(pod.spec().nodeName(), pod.metadata().key());
      }
    }
  }

  private static List<IpAddress> addresses(Node node) {
    return node.status().addresses().stream().map(NodeAddress::address)
        .map(IpAddress::tryParse).flatMap(Optional::stream).toList();
  }
}
