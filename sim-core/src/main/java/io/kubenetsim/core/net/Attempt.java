package io.kubenetsim.core.net;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.Pod;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.Hop;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.PolicyCheck;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * How a connection's first packet fared: the facts a {@link io.kubenetsim.Connection} reports,
 * gathered in one immutable value as the dataplane decides them.
 *
 * <p>The explanation — the packet's line, the hops and the reason — is text for people, and
 * most connections (a benchmark's, a test's that checks the verdict and the backend) are never
 * explained: it is put together when first read, from values that do not change afterwards
 * (the rules' decision, the snapshot, the pods as they were delivered to), and kept. Confined
 * to the simulation thread; a race would only tell the same story twice.
 */
final class Attempt {
  /**
   * An attempt's text.
   *
   * @param packet the first packet, for the explanation's first line
   * @param hops the packet's path, one rewrite or delivery per hop
   * @param reason why it ended as it did
   */
  record Explanation(String packet, ImmutableList<Hop> hops, String reason) {
    Explanation {
      hops = ImmutableList.copyOf(hops);
    }
  }

  private final ConnectionVerdict verdict;
  private final Optional<HostPort> backend;
  private final ImmutableList<HostPort> candidates;
  private final Optional<Pod> backendPod;
  private final boolean masqueraded;
  private final IpAddress sourceSeen;
  private final ImmutableList<PolicyCheck> policyChecks;
  private final Supplier<Explanation> telling;
  private Explanation told;

  /**
   * @param backend where the packet was delivered, once it had somewhere to go
   * @param candidates the backends the entry node's rules allowed, in rule order
   * @param backendPod the pod at {@code backend}
   * @param masqueraded whether a rule marked the packet for masquerade
   * @param sourceSeen the source the backend sees (the node's address when masqueraded)
   * @param policyChecks NetworkPolicy's checks, egress then ingress; empty when none ran
   * @param telling puts the explanation together; it must read only values that never change
   */
  Attempt(ConnectionVerdict verdict, Optional<HostPort> backend,
      ImmutableList<HostPort> candidates, Optional<Pod> backendPod, boolean masqueraded,
      IpAddress sourceSeen, ImmutableList<PolicyCheck> policyChecks,
      Supplier<Explanation> telling) {
    this.verdict = verdict;
    this.backend = backend;
    this.candidates = candidates;
    this.backendPod = backendPod;
    this.masqueraded = masqueraded;
    this.sourceSeen = sourceSeen;
    this.policyChecks = policyChecks;
    this.telling = telling;
  }

  /** {@return an attempt that ended before reaching any backend} */
  static Attempt failed(ConnectionVerdict verdict, IpAddress source,
      Supplier<Explanation> telling) {
    return new Attempt(verdict, Optional.empty(), ImmutableList.of(), Optional.empty(), false,
        source, ImmutableList.of(), telling);
  }

  /** {@return an attempt that ended before reaching any backend, told as it happened} */
  static Attempt failed(ConnectionVerdict verdict, IpAddress source, List<Hop> hops,
      String reason, String packet) {
    Explanation explanation = new Explanation(packet, ImmutableList.copyOf(hops), reason);
    return failed(verdict, source, () -> explanation);
  }

  /**
   * {@return this attempt taken further}: what it reached now, with its explanation retold from
   * this one's (another reason, more hops)
   */
  Attempt then(ConnectionVerdict now, Optional<Pod> pod, UnaryOperator<Explanation> retold) {
    return new Attempt(now, backend, candidates, pod, masqueraded, sourceSeen, policyChecks,
        () -> retold.apply(explanation()));
  }

  ConnectionVerdict verdict() {
    return verdict;
  }

  Optional<HostPort> backend() {
    return backend;
  }

  ImmutableList<HostPort> candidates() {
    return candidates;
  }

  /** {@return the pod at the backend, as {@code namespace/name}} */
  Optional<String> backendPod() {
    return backendPod.map(p -> p.metadata().key().toString());
  }

  boolean masqueraded() {
    return masqueraded;
  }

  IpAddress sourceSeen() {
    return sourceSeen;
  }

  ImmutableList<PolicyCheck> policyChecks() {
    return policyChecks;
  }

  ImmutableList<Hop> hops() {
    return explanation().hops();
  }

  String reason() {
    return explanation().reason();
  }

  /** {@return the multi-line explanation: packet, hops, verdict, backend, reason} */
  String explain() {
    Explanation e = explanation();
    return explain(e.packet(), e.hops(), verdict, backend, backendPod(), sourceSeen, masqueraded,
        e.reason());
  }

  Explanation explanation() {
    Explanation known = told;
    if (known == null) {
      known = telling.get();
      told = known;
    }
    return known;
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
