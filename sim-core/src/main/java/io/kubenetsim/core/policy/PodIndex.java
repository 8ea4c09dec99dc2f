package io.kubenetsim.core.policy;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.NodeAddress;
import io.kubenetsim.model.Pod;
import io.kubenetsim.net.IpAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the engine knows of pods, namespaces and nodes, as its informers show them: pods by
 * name and by IP, namespaces by name and index, node addresses. Each change updates the
 * affected entries and tells {@link Selections} about the one pod or namespace that changed.
 *
 * <p>The IP index holds pods that have an IP and are not hostNetwork pods (theirs is their
 * node's); when two pods claim one IP (a stale view), the later write wins and the earlier
 * pod's removal leaves the newer claim alone, as {@code core.net.PodAddresses} does. Maps here
 * are for lookup only; nothing iterates them. Confined to the simulation thread.
 */
final class PodIndex {
  private final List<PolicyNamespace> namespaceList = new ArrayList<>();
  private final Map<String, PolicyNamespace> namespaces = new HashMap<>();
  private final Map<NamespacedName, PolicyPod> byName = new HashMap<>();
  private final Map<IpAddress, PolicyPod> byIp = new HashMap<>();
  private final Map<IpAddress, String> nodeByAddress = new HashMap<>();
  private final Map<String, ImmutableList<IpAddress>> addressesByNode = new HashMap<>();
  private final Selections selections = new Selections(namespaceList);

  Selections selections() {
    return selections;
  }

  /** {@return the namespace entry, created on first mention (by a pod, policy or namespace)} */
  PolicyNamespace namespace(String name) {
    return namespaces.computeIfAbsent(name, n -> {
      PolicyNamespace created = new PolicyNamespace(n, namespaceList.size());
      namespaceList.add(created);
      return created;
    });
  }

  /** {@return the pod holding this IP (never a hostNetwork pod), or {@code null}} */
  PolicyPod podAt(IpAddress ip) {
    return byIp.get(ip);
  }

  /** {@return the pod with this name, or {@code null}} */
  PolicyPod pod(NamespacedName name) {
    return byName.get(name);
  }

  /** {@return the node that has this address, or {@code null}} */
  String nodeAt(IpAddress ip) {
    return ip == null ? null : nodeByAddress.get(ip);
  }

  void putNamespace(Namespace object) {
    PolicyNamespace namespace = namespace(object.metadata().name());
    namespace.seen(object.metadata().labels());
    selections.namespaceChanged(namespace);
  }

  void removeNamespace(Namespace object) {
    PolicyNamespace namespace = namespace(object.metadata().name());
    namespace.gone();
    selections.namespaceChanged(namespace);
  }

  /** Records a node's InternalIP and ExternalIP addresses (hostnames are not addresses). */
  void putNode(Node node) {
    removeNode(node);
    ImmutableList.Builder<IpAddress> addresses = ImmutableList.builder();
    for (NodeAddress address : node.status().addresses()) {
      if (!address.type().equals(NodeAddress.HOSTNAME)) {
        IpAddress.tryParse(address.address()).ifPresent(ip -> {
          addresses.add(ip);
          nodeByAddress.put(ip, node.metadata().name());
        });
      }
    }
    addressesByNode.put(node.metadata().name(), addresses.build());
  }

  void removeNode(Node node) {
    String name = node.metadata().name();
    ImmutableList<IpAddress> old = addressesByNode.remove(name);
    if (old != null) {
      old.forEach(ip -> nodeByAddress.remove(ip, name));
    }
  }

  /** A pod was added or changed: its labels, IP, node or ports may differ. */
  void putPod(Pod object) {
    NamespacedName name = object.metadata().key();
    PolicyPod pod = byName.get(name);
    if (pod != null && pod.hostNetwork != object.spec().hostNetwork()) {
      removePod(name);
      pod = null;
    }
    boolean labelsChanged = pod == null || !pod.labels.equals(object.metadata().labels());
    if (pod == null) {
      pod = new PolicyPod(name, namespace(name.namespace()), object.spec().hostNetwork());
      byName.put(name, pod);
      if (!pod.hostNetwork) {
        pod.local = pod.namespace.add(pod);
      }
    }
    pod.labels = object.metadata().labels();
    pod.nodeName = object.spec().nodeName();
    if (!object.spec().allPorts().equals(pod.ports)) {
      pod.portsChanged(object.spec().allPorts());
    }
    IpAddress ip = IpAddress.tryParse(object.status().podIP()).orElse(null);
    if (!Objects.equals(ip, pod.ip)) {
      unindex(pod);
      pod.ip = ip;
      if (ip != null && !pod.hostNetwork) {
        byIp.put(ip, pod);
      }
    }
    if (labelsChanged && !pod.hostNetwork) {
      selections.podChanged(pod);
    }
  }

  /** A pod was deleted. */
  void removePod(NamespacedName name) {
    PolicyPod pod = byName.remove(name);
    if (pod == null) {
      return;
    }
    unindex(pod);
    if (!pod.hostNetwork) {
      selections.podRemoved(pod);
      pod.namespace.remove(pod.local);
    }
  }

  private void unindex(PolicyPod pod) {
    if (pod.ip != null) {
      byIp.remove(pod.ip, pod);
    }
  }
}
