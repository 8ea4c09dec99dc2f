package io.kubenetsim.core.net;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.Hop;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.PolicyCheck;
import java.util.List;
import java.util.Optional;

/**
 * How a connection's first packet fared: the facts a {@link io.kubenetsim.Connection} reports,
 * gathered in one immutable value as the dataplane decides them.
 *
 * @param backend where the packet was delivered, once it had somewhere to go
 * @param candidates the backends the entry node's rules allowed, in rule order
 * @param backendPod the pod at {@code backend}, as {@code namespace/name}
 * @param masqueraded whether a rule marked the packet for masquerade
 * @param sourceSeen the source the backend sees (the node's address when masqueraded)
 * @param policyChecks NetworkPolicy's checks, egress then ingress; empty when none ran
 * @param packet the first packet, as text for the explanation's first line
 */
record Attempt(ConnectionVerdict verdict, Optional<HostPort> backend,
    ImmutableList<HostPort> candidates, Optional<String> backendPod, boolean masqueraded,
    IpAddress sourceSeen, ImmutableList<PolicyCheck> policyChecks, ImmutableList<Hop> hops,
    String reason, String packet) {

  Attempt {
    candidates = ImmutableList.copyOf(candidates);
    policyChecks = ImmutableList.copyOf(policyChecks);
    hops = ImmutableList.copyOf(hops);
  }

  /** {@return an attempt that ended before reaching any backend} */
  static Attempt failed(ConnectionVerdict verdict, IpAddress source, List<Hop> hops,
      String reason, String packet) {
    return new Attempt(verdict, Optional.empty(), ImmutableList.of(), Optional.empty(), false,
        source, ImmutableList.of(), ImmutableList.copyOf(hops), reason, packet);
  }

  /** {@return the multi-line explanation: packet, hops, verdict, backend, reason} */
  String explain() {
    return explain(packet, hops, verdict, backend, backendPod, sourceSeen, masqueraded, reason);
  }

  /** The explanation's layout, shared with connections made up of several attempts. */
  static String explain(String packet, List<Hop> hops, ConnectionVerdict verdict,
      Optional<HostPort> backend, Optional<String> backendPod, IpAddress sourceSeen,
      boolean masqueraded, String reason) {
    StringBuilder out = new StringBuilder(packet).append('\n');
    for (int i = 0; i < hops.size(); i++) {
      out.append("  ").append(i + 1).append(". ").append(hops.get(i)).append('\n');
    }
    out.append("  => ").append(verdict);
    backend.ifPresent(b -> out.append(" at ").append(b));
    backendPod.ifPresent(p -> out.append(" (pod ").append(p).append(')'));
    out.append(", source seen as ").append(sourceSeen)
        .append(masqueraded ? " (masqueraded)" : "").append('\n');
    return out.append("  ").append(reason).append('\n').toString();
  }

}
