package io.kubenetsim.core.net;

import io.kubenetsim.core.net.Delivery.Holder;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.ContainerState;
import io.kubenetsim.model.ContainerStatus;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.Pod;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The pod network's last step: a packet addressed to {@code ip:port} reaches a pod (which
 * accepts if a running container declares the port, and refuses otherwise), a node (which
 * accepts on a hostNetwork pod's port), nothing (a pod IP nobody holds any more: the packet is
 * lost and the client times out), or an address outside the cluster (delivered; assumed to
 * listen, since the simulation does not model the world beyond the cluster — except DNS: port
 * 53 of any outside address is a resolver answering from the cluster's UpstreamZones).
 */
final class Deliverer {
  private final ApiStore store;
  private final PodAddresses pods;
  private final NodeAddresses nodes;
  private final Predicate<String> nodeUp;
  private final List<Cidr> internal;

  Deliverer(ApiStore store, PodAddresses pods, NodeAddresses nodes, Predicate<String> nodeUp,
      List<Cidr> internal) {
    this.store = store;
    this.pods = pods;
    this.nodes = nodes;
    this.nodeUp = nodeUp;
    this.internal = internal;
  }

  Delivery deliver(IpAddress ip, int port, Protocol protocol) {
    Optional<NamespacedName> owner = pods.owner(ip);
    if (owner.isPresent()) {
      return toPod(store.get(Pod.class, owner.get()).orElseThrow(), port, protocol);
    }
    Optional<Node> node = nodes.owner(ip)
        .flatMap(name -> store.get(Node.class, NamespacedName.of("", name)));
    if (node.isPresent()) {
      return toNode(node.get(), port, protocol);
    }
    if (internal.stream().anyMatch(c -> c.contains(ip))) {
      return new Delivery(Holder.NOBODY, ConnectionVerdict.TIMED_OUT, Optional.empty(),
          "nothing holds " + ip + " (a pod that is gone, or an address nobody allocated): "
              + "the packet is lost");
    }
    if (port == DnsTraffic.PORT && protocol != Protocol.SCTP) {
      return new Delivery(Holder.OUTSIDE_RESOLVER, ConnectionVerdict.ESTABLISHED,
          Optional.empty(), "the DNS resolver at " + HostPort.of(ip, port) + ", outside the "
              + "cluster, received it");
    }
    return new Delivery(Holder.OUTSIDE, ConnectionVerdict.ESTABLISHED, Optional.empty(),
        "delivered outside the cluster to " + HostPort.of(ip, port));
  }

  private Delivery toPod(Pod pod, int port, Protocol protocol) {
    String name = pod.metadata().key().toString();
    if (!nodeUp.test(pod.spec().nodeName())) {
      return new Delivery(Holder.POD, ConnectionVerdict.TIMED_OUT, Optional.of(name),
          "pod " + name + " is on node " + pod.spec().nodeName() + ", which is down");
    }
    if (!listening(pod, port, protocol)) {
      return new Delivery(Holder.POD, ConnectionVerdict.REFUSED, Optional.of(name),
          "pod " + name + " has no running container listening on " + port + "/" + protocol);
    }
    return new Delivery(Holder.POD, ConnectionVerdict.ESTABLISHED, Optional.of(name),
        "pod " + name + " accepted on " + port + "/" + protocol);
  }

  private Delivery toNode(Node node, int port, Protocol protocol) {
    String name = node.metadata().name();
    if (!nodeUp.test(name)) {
      return new Delivery(Holder.NODE, ConnectionVerdict.TIMED_OUT, Optional.empty(),
          "node " + name + " is down");
    }
    Optional<Pod> host = nodes.hostNetworkPods(name).stream()
        .map(key -> store.get(Pod.class, key)).flatMap(Optional::stream)
        .filter(p -> listening(p, port, protocol)).findFirst();
    return host.map(p -> new Delivery(Holder.NODE, ConnectionVerdict.ESTABLISHED,
            Optional.of(p.metadata().key().toString()), "hostNetwork pod " + p.metadata().key()
                + " accepted on node " + name + " port " + port))
        .orElseGet(() -> new Delivery(Holder.NODE, ConnectionVerdict.REFUSED, Optional.empty(),
            "nothing listens on node " + name + " port " + port + "/" + protocol));
  }

  // Loops, not streams: every delivered connection asks.
  private static boolean listening(Pod pod, int port, Protocol protocol) {
    List<ContainerStatus> statuses = pod.status().containerStatuses();
    if (statuses.isEmpty()) {
      return false;
    }
    for (ContainerStatus status : statuses) {
      if (status.state().kind() != ContainerState.Kind.RUNNING) {
        return false;
      }
    }
    for (ContainerPort declared : pod.spec().allPorts()) {
      if (declared.containerPort() == port && declared.protocol() == protocol) {
        return true;
      }
    }
    return false;
  }
}
