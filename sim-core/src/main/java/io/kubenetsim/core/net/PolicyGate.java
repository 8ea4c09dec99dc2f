package io.kubenetsim.core.net;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.policy.NetworkPolicyEngine;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.PolicyCheck;
import io.kubenetsim.net.Protocol;
import java.util.Optional;

/**
 * NetworkPolicy where the network plugin enforces it: on a new connection's first packet,
 * after kube-proxy's DNAT, the source pod's egress on its node and the destination pod's
 * ingress on its node — both against pod IPs, never Service IPs (a policy on the backend governs
 * traffic sent to the Service). Ingress rules see the source left after SNAT, so masquerading
 * (externalTrafficPolicy Cluster, a node's own traffic) changes what an {@code ipBlock} matches.
 * With enforcement off there is no engine, and nothing is checked.
 *
 * <p>Simplification: a connection is checked once, when it opens; a policy applied later does
 * not cut it (its conntrack entry keeps it flowing, as with most plugins), and a connection a
 * policy refused stays refused even after the policy goes.
 */
final class PolicyGate {
  private final Optional<NetworkPolicyEngine> engine;

  PolicyGate(Optional<NetworkPolicyEngine> engine) {
    this.engine = engine;
  }

  /** {@return the checks on a packet now addressed to {@code destination}, egress first} */
  ImmutableList<PolicyCheck> check(IpAddress egressSource, IpAddress ingressSource,
      HostPort destination, Protocol protocol) {
    return engine.isEmpty() ? ImmutableList.of() : engine.get().check(egressSource,
        ingressSource, destination.ip(), destination.port(), protocol);
  }
}
