package io.kubenetsim.core.net;

import io.kubenetsim.core.net.Delivery.Holder;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.model.Container;
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
    HostPort address = HostPort.of(ip, port);
    Optional<Pod> pod = pods.holder(ip);
    if (pod.isPresent()) {
      return toPod(pod.get(), address, protocol);
    }
    Optional<Node> node = nodes.owner(ip)
        .flatMap(name -> store.get(Node.class, NamespacedName.of("", name)));
    if (node.isPresent()) {
      return toNode(node.get(), address, protocol);
    }
    Holder holder = isInternal(ip) ? Holder.NOBODY
        : port == DnsTraffic.PORT && protocol != Protocol.SCTP ? Holder.OUTSIDE_RESOLVER
        : Holder.OUTSIDE;
    return new Delivery(holder, holder == Holder.NOBODY ? ConnectionVerdict.TIMED_OUT
        : ConnectionVerdict.ESTABLISHED, Optional.empty(), "", address, protocol);
  }

  private boolean isInternal(IpAddress ip) {
    for (Cidr range : internal) {
      if (range.contains(ip)) {
        return true;
      }
    }
    return false;
  }

  private Delivery toPod(Pod pod, HostPort address, Protocol protocol) {
    String node = pod.spec().nodeName();
    ConnectionVerdict verdict = !nodeUp.test(node) ? ConnectionVerdict.TIMED_OUT
        : listening(pod, address.port(), protocol) ? ConnectionVerdict.ESTABLISHED
        : ConnectionVerdict.REFUSED;
    return new Delivery(Holder.POD, verdict, Optional.of(pod), node, address, protocol);
  }

  private Delivery toNode(Node node, HostPort address, Protocol protocol) {
    String name = node.metadata().name();
    if (!nodeUp.test(name)) {
      return new Delivery(Holder.NODE, ConnectionVerdict.TIMED_OUT, Optional.empty(), name,
          address, protocol);
    }
    for (NamespacedName key : nodes.hostNetworkPods(name)) {
      Optional<Pod> host = store.get(Pod.class, key);
      if (host.isPresent() && listening(host.get(), address.port(), protocol)) {
        return new Delivery(Holder.NODE, ConnectionVerdict.ESTABLISHED, host, name, address,
            protocol);
      }
    }
    return new Delivery(Holder.NODE, ConnectionVerdict.REFUSED, Optional.empty(), name,
        address, protocol);
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
    // Container by container rather than through allPorts(), which builds a list.
    for (Container container : pod.spec().containers()) {
      for (ContainerPort declared : container.ports()) {
        if (declared.containerPort() == port && declared.protocol() == protocol) {
          return true;
        }
      }
    }
    return false;
  }
}
