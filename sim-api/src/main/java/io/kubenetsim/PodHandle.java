package io.kubenetsim;

import io.kubenetsim.dns.DnsLookup;
import io.kubenetsim.dns.RecordType;
import io.kubenetsim.dns.ResolvConf;
import io.kubenetsim.model.ConditionStatus;
import io.kubenetsim.model.ObjectRef;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodPhase;
import io.kubenetsim.net.IpAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A live reference to one pod in a cluster. Getters read the pod's current state (no time
 * passes); actions write to the API or to the simulated node and return at once, their effects
 * unfolding as the cluster runs. Not for implementation outside io.kubenetsim.
 */
public interface PodHandle {

  /** {@return the pod's namespace and name} */
  ObjectRef ref();

  /** {@return the pod's name} */
  default String name() {
    return ref().name();
  }

  /** {@return whether the pod still exists in the API} */
  boolean exists();

  /**
   * {@return the pod as the API holds it now}
   *
   * @throws ApiException (NotFound) once the pod is gone; check {@link #exists()}
   */
  Pod get();

  /** {@return the pod IP, once the sandbox has one} */
  default Optional<String> ip() {
    return get().ip();
  }

  /** {@return the node the pod is bound to, once scheduled} */
  default Optional<String> node() {
    String node = get().spec().nodeName();
    return node.isEmpty() ? Optional.empty() : Optional.of(node);
  }

  /** {@return the pod's phase} */
  default PodPhase phase() {
    return get().status().phase();
  }

  /** {@return whether the pod is Ready} */
  default boolean isReady() {
    return get().isReady();
  }

  /** {@return the sum of the containers' restart counts} */
  default int restartCount() {
    return get().status().restartCount();
  }

  /**
   * Opens a TCP connection from this pod to a host: an address (a pod IP, a ClusterIP, …) or a
   * DNS name, which the pod's resolver looks up first ({@link #connect(String, int,
   * io.kubenetsim.net.Protocol)}).
   */
  default Connection connect(String host, int port) {
    return connect(host, port, io.kubenetsim.net.Protocol.TCP);
  }

  /**
   * Opens a connection from this pod to a Service's ClusterIP on a port: its IPv4 one, the
   * family pods have, when it has one (a dual-stack Service may list it second), else {@code
   * clusterIP}.
   */
  default Connection connect(ServiceHandle service, int port) {
    return connect(service.clusterIP(io.kubenetsim.net.IpFamily.IPV4)
        .orElseGet(service::clusterIP), port);
  }

  /**
   * Opens a connection from this pod with any protocol. A {@code host} that is not an IP
   * address is a name: the pod's resolver looks it up as {@link #lookup(String, RecordType)}
   * does (A records, the search list applied, every query real UDP traffic to the kube-dns
   * Service), then the pod connects to the first address of the answer. The connection's
   * {@link Connection#hops()} start with the DNS queries and {@link Connection#lookup()} holds
   * the lookup; a name that does not resolve gives verdict {@code UNRESOLVED}, with the reason.
   *
   * <pre>{@code
   * Connection c = client.connect("web", 80);     // web.shop.svc.cluster.local, then TCP
   * c.explain();                                   // the DNS hop first, then the DNAT
   * }</pre>
   */
  Connection connect(String host, int port, io.kubenetsim.net.Protocol protocol);

  /**
   * {@return the pod's {@code /etc/resolv.conf}, as its kubelet writes it from the pod's {@code
   * dnsPolicy} and {@code dnsConfig}: for the default {@code ClusterFirst}, the kube-dns
   * ClusterIP, {@code search <ns>.svc.cluster.local svc.cluster.local cluster.local} and
   * {@code options ndots:5}}
   */
  ResolvConf resolvConf();

  /**
   * Looks up a name from this pod, as glibc's resolver does: a name with fewer dots than {@code
   * ndots} is tried with each search domain first, then as written; every query is a UDP
   * datagram to the nameserver through kube-proxy and NetworkPolicy, answered by a CoreDNS pod
   * (or, outside the cluster, by the cluster's {@link io.kubenetsim.model.UpstreamZone}s).
   * {@link DnsLookup#tried()} lists every query, so the cost of {@code ndots:5} shows.
   *
   * <pre>{@code
   * client.lookup("web", RecordType.A).addresses();             // [10.96.0.15]
   * client.lookup("example.com", RecordType.A).tried().size();  // 4: three NXDOMAINs first
   * }</pre>
   *
   * @throws IllegalArgumentException when {@code name} is not a valid DNS name
   * @throws IllegalStateException when the pod has no IP yet
   */
  DnsLookup lookup(String name, RecordType type);

  /**
   * {@return the addresses {@code name} resolves to from this pod (its A records, after the
   * search list): empty when it does not resolve; {@link #lookup(String, RecordType)} says
   * why}
   */
  default List<IpAddress> resolve(String name) {
    return lookup(name, RecordType.A).addresses();
  }

  /** Deletes the pod gracefully, with its own {@code terminationGracePeriodSeconds}. */
  void delete();

  /** Deletes the pod with this grace period; zero removes it from the API at once (--force). */
  void delete(Duration gracePeriod);

  /**
   * Sets a condition in the pod's {@code status.conditions}, as a controller outside the kubelet
   * does through the pods' {@code status} subresource (a load balancer controller marking the
   * pod's readiness gate, say). The condition is added, or its status changed (its
   * {@code lastTransitionTime} moves only when the status changes); other conditions stay. The
   * write is recorded in the event log and watched like any status write: if the pod has a
   * readiness gate of this type, its kubelet sees the change and sets {@code Ready} again, and
   * the pod's Service endpoints follow.
   *
   * <pre>{@code
   * PodHandle pod = c.pod("shop/web").readinessGate("example.com/lb-ready").create();
   * c.settle();                                      // running, containers ready, not Ready
   * pod.setCondition("example.com/lb-ready", ConditionStatus.TRUE);
   * c.settle();                                      // Ready, a ready endpoint
   * }</pre>
   *
   * <p>Simplification: the conditions the kubelet owns ({@code PodScheduled}, {@code
   * Initialized}, {@code ContainersReady}, {@code Ready}, {@code PodReadyToStartContainers};
   * upstream's {@code PodConditionsByKubelet}) are refused, since the kubelet would overwrite
   * them on its next sync; reason and message are left empty.
   *
   * @param conditionType a qualified name, such as {@code example.com/feature-1}
   * @throws io.kubenetsim.manifest.ValidationException when {@code conditionType} is not a
   *     qualified name ({@code status.conditions[i].type}); nothing changes
   * @throws IllegalArgumentException for a condition the kubelet owns
   * @throws ApiException (NotFound) once the pod is gone
   */
  void setCondition(String conditionType, ConditionStatus status);

  /** Sets a condition to True or False: {@link #setCondition(String, ConditionStatus)}. */
  default void setCondition(String conditionType, boolean status) {
    setCondition(conditionType, ConditionStatus.of(status));
  }

  /** Crashes the pod's containers once: kubelet restarts them in place (same pod, same IP). */
  void crash();

  /**
   * Makes the pod's containers crash every time they start (or stop doing so): the pod goes
   * into {@code CrashLoopBackOff} and the cluster never settles while it does.
   */
  void crashLoop(boolean crashing);
}
