package io.kubenetsim.core.policy;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.store.Informer;
import io.kubenetsim.core.store.WatchEvent;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.Pod;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.PolicyCheck;
import io.kubenetsim.net.PolicyDirection;
import io.kubenetsim.net.Protocol;
import io.kubenetsim.net.Reachability;
import java.util.List;

/**
 * NetworkPolicy enforcement as a CNI's policy agent does it (networking.k8s.io/v1; reference
 * §6): "a pod is isolated for ingress if there is any NetworkPolicy that both selects the pod
 * and has Ingress in its policyTypes" (likewise egress); an isolated pod's traffic is allowed
 * when "the traffic matches at least one ingress rule across all of the NetworkPolicy objects
 * whose podSelector matches the pod" (upstream's {@code NetworkPolicySpec} field comments);
 * policies only add. Always allowed: a pod's traffic with its own node's addresses (the
 * NetworkPolicy page: "traffic to and from the node where a Pod is running is always allowed")
 * and with itself. hostNetwork pods are never isolated and never match pod or namespace
 * selectors (the page's "NetworkPolicy and hostNetwork pods", the common behaviour).
 *
 * <p>It watches the given informers — the node agents' view, with their lag — and keeps
 * selectors compiled to pod and namespace sets, updated per changed object (see {@link
 * Selections}); a verdict is lookups and bit tests, never a label-selector evaluation.
 *
 * <pre>{@code
 * NetworkPolicyEngine engine = new NetworkPolicyEngine(policies, pods, namespaces, nodes);
 * engine.check(clientIp, clientIp, backendIp, 80, Protocol.TCP);
 * // [egress of y/b: allowed (...), ingress of x/a: denied (port 80/TCP not in ...)]
 * }</pre>
 *
 * <p>Simplification: verdicts are for a connection's first packet; the engine keeps no
 * connection state (replies of an allowed connection are the dataplane's to allow), and an
 * IP two pods claim in a stale view belongs to the later writer. Confined to the simulation
 * thread.
 */
public final class NetworkPolicyEngine {
  private final PodIndex index = new PodIndex();
  private final PolicySet policies = new PolicySet(index);
  private final Verdicts verdicts = new Verdicts(index);
  private final ReachabilityMatrix matrix = new ReachabilityMatrix(index, verdicts);

  /** Watches these informers (the node agents' view, with their lag) and keeps compiled state. */
  public NetworkPolicyEngine(Informer<NetworkPolicy> policies, Informer<Pod> pods,
      Informer<Namespace> namespaces, Informer<Node> nodes) {
    namespaces.list().forEach(index::putNamespace);
    nodes.list().forEach(index::putNode);
    pods.list().forEach(index::putPod);
    policies.list().forEach(this.policies::put);
    namespaces.addHandler(e -> onNamespace(e, (Namespace) e.object()));
    nodes.addHandler(e -> onNode(e, (Node) e.object()));
    pods.addHandler(e -> onPod(e, (Pod) e.object()));
    policies.addHandler(e -> onPolicy(e, (NetworkPolicy) e.object()));
  }

  /**
   * The checks a CNI makes on a new connection's first packet, after kube-proxy's DNAT:
   * egress of the pod holding egressSource (skipped when it is no pod, or a hostNetwork pod),
   * then ingress of the pod holding destination (likewise); ingress rules see ingressSource —
   * the address left after SNAT (masquerade), which may differ from egressSource.
   *
   * <p>A denied egress check ends the list (the packet never reaches the destination's
   * filter), so the connection is allowed iff every check in the list is.
   */
  public ImmutableList<PolicyCheck> check(IpAddress egressSource, IpAddress ingressSource,
      IpAddress destination, int port, Protocol protocol) {
    checkArgument(egressSource != null && ingressSource != null && destination != null
        && protocol != null, "addresses and protocol must not be null");
    PolicyPod from = index.podAt(egressSource);
    PolicyPod to = index.podAt(destination);
    PolicyCheck egress = null;
    if (from != null) {
      PodPolicies view = from.policies(PolicyDirection.EGRESS);
      int outcome = verdicts.decide(view, from, destination, to, from == to, port, protocol);
      egress = verdicts.explain(outcome, view, from, destination, to, port, protocol);
      if (!egress.allowed() || to == null) {
        return ImmutableList.of(egress);
      }
    }
    if (to == null) {
      return ImmutableList.of();
    }
    PolicyPod peer = ingressSource.equals(egressSource) ? from : index.podAt(ingressSource);
    PodPolicies view = to.policies(PolicyDirection.INGRESS);
    int outcome = verdicts.decide(view, to, ingressSource, peer, from == to || peer == to, port,
        protocol);
    PolicyCheck ingress = verdicts.explain(outcome, view, to, ingressSource, peer, port,
        protocol);
    return egress == null ? ImmutableList.of(ingress) : ImmutableList.of(egress, ingress);
  }

  /**
   * {@return whether every check {@link #check} would make allows the connection} The same
   * decision without the explanation: nothing is allocated.
   */
  public boolean allows(IpAddress egressSource, IpAddress ingressSource, IpAddress destination,
      int port, Protocol protocol) {
    PolicyPod from = index.podAt(egressSource);
    PolicyPod to = index.podAt(destination);
    if (from != null && verdicts.decide(from.policies(PolicyDirection.EGRESS), from,
        destination, to, from == to, port, protocol) == Verdicts.DENIED) {
      return false;
    }
    if (to == null) {
      return true;
    }
    PolicyPod peer = ingressSource.equals(egressSource) ? from : index.podAt(ingressSource);
    return verdicts.decide(to.policies(PolicyDirection.INGRESS), to, ingressSource, peer,
        from == to || peer == to, port, protocol) != Verdicts.DENIED;
  }

  /**
   * Pods x pods (namespace/name), policy verdicts only (both directions), as one table: a
   * cell is what {@link #check} says of a connection from the row's pod IP to the column's
   * pod IP without NAT.
   *
   * @throws IllegalArgumentException naming a pod the engine's informer does not show
   */
  public Reachability reachability(List<NamespacedName> from, List<NamespacedName> to,
      int port, Protocol protocol) {
    checkArgument(protocol != null, "protocol must not be null");
    return matrix.compute(from, to, port, protocol);
  }

  /** {@return whether the engine's (lagging) view shows this pod yet} */
  public boolean sees(NamespacedName pod) {
    return index.pod(pod) != null;
  }

  private void onNamespace(WatchEvent event, Namespace namespace) {
    if (event.type() == WatchEvent.Type.DELETED) {
      index.removeNamespace(namespace);
    } else {
      index.putNamespace(namespace);
    }
  }

  private void onNode(WatchEvent event, Node node) {
    if (event.type() == WatchEvent.Type.DELETED) {
      index.removeNode(node);
    } else {
      index.putNode(node);
    }
  }

  private void onPod(WatchEvent event, Pod pod) {
    if (event.type() == WatchEvent.Type.DELETED) {
      index.removePod(pod.metadata().key());
    } else {
      index.putPod(pod);
    }
  }

  private void onPolicy(WatchEvent event, NetworkPolicy policy) {
    if (event.type() == WatchEvent.Type.DELETED) {
      policies.remove(policy.metadata().key());
    } else {
      policies.put(policy);
    }
  }
}
