package io.kubenetsim.core.net;

import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.WatchEvent;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.NodeAddress;
import io.kubenetsim.model.Pod;
import io.kubenetsim.net.IpAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which node holds which address, and which hostNetwork pods share each node's addresses —
 * like {@link PodAddresses}, the network's truth kept from the store's writes, so delivering to
 * a node address costs a lookup, not a scan of every node and pod. Several holders of one
 * address (a misconfiguration) resolve to the first by name, as a scan in name order would.
 */
final class NodeAddresses {
  private final Map<IpAddress, TreeSet<String>> nodesByAddress = new HashMap<>();
  private final Map<String, TreeSet<NamespacedName>> hostPodsByNode = new HashMap<>();

  NodeAddresses(ApiStore store) {
    store.watch(this::onChange);
  }

  /** {@return the node holding this address} (the first by name if several do) */
  Optional<String> owner(IpAddress ip) {
    TreeSet<String> nodes = nodesByAddress.get(ip);
    return nodes == null ? Optional.empty() : Optional.of(nodes.first());
  }

  /** {@return the hostNetwork pods bound to this node, by namespace and name} */
  List<NamespacedName> hostNetworkPods(String node) {
    return List.copyOf(hostPodsByNode.getOrDefault(node, new TreeSet<>()));
  }

  private void onChange(WatchEvent event) {
    boolean deleted = event.type() == WatchEvent.Type.DELETED;
    if (event.object() instanceof Node node) {
      event.old().map(Node.class::cast).ifPresent(old -> addresses(old).forEach(ip ->
          remove(nodesByAddress, ip, old.metadata().name())));
      if (!deleted) {
        addresses(node).forEach(ip -> nodesByAddress.computeIfAbsent(ip, k -> new TreeSet<>())
            .add(node.metadata().name()));
      }
    } else if (event.object() instanceof Pod pod) {
      event.old().map(Pod.class::cast).filter(old -> old.spec().hostNetwork())
          .ifPresent(old -> remove(hostPodsByNode, old.spec().nodeName(), old.metadata().key()));
      if (!deleted && pod.spec().hostNetwork() && !pod.spec().nodeName().isEmpty()) {
        hostPodsByNode.computeIfAbsent(pod.spec().nodeName(), k -> new TreeSet<>())
            .add(pod.metadata().key());
      }
    }
  }

  private static List<IpAddress> addresses(Node node) {
    return node.status().addresses().stream().map(NodeAddress::address)
        .map(IpAddress::tryParse).flatMap(Optional::stream).toList();
  }

  private static <K, V> void remove(Map<K, TreeSet<V>> index, K key, V value) {
    TreeSet<V> values = index.get(key);
    if (values != null) {
      values.remove(value);
      if (values.isEmpty()) {
        index.remove(key);
      }
    }
  }
}
