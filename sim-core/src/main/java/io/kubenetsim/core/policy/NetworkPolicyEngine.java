package io.kubenetsim.core.policy;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.store.Informer;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.Pod;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.PolicyCheck;
import io.kubenetsim.net.Protocol;
import io.kubenetsim.net.Reachability;
import java.util.List;

/** TEMPORARY STUB (lead's integration work; replaced by the engine branch). */
public final class NetworkPolicyEngine {
  public NetworkPolicyEngine(Informer<NetworkPolicy> policies, Informer<Pod> pods,
      Informer<Namespace> namespaces, Informer<Node> nodes) {}

  public ImmutableList<PolicyCheck> check(IpAddress egressSource, IpAddress ingressSource,
      IpAddress destination, int port, Protocol protocol) {
    return ImmutableList.of();
  }

  public Reachability reachability(List<NamespacedName> from, List<NamespacedName> to,
      int port, Protocol protocol) {
    return Reachability.of(port, protocol, from.stream().map(Object::toString).toList(),
        to.stream().map(Object::toString).toList(), (a, b) -> true);
  }
}
