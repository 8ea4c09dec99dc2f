package io.kubenetsim.core.policy;

import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.PolicyCheck;
import io.kubenetsim.net.PolicyDirection;
import io.kubenetsim.net.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One direction's verdict for one pod, as lookups: the pod's selecting policies are at hand
 * ({@link PodPolicies}) with, per port, the rules whose ports can match ({@link
 * PortCandidates}), and peers are sets kept current, so deciding is a few bit tests and range
 * compares. A decision is an {@code int} (an outcome, or the allowing rule's position) so the
 * boolean path allocates nothing; {@link #explain} turns it into a {@link PolicyCheck}.
 *
 * <p>The order, after upstream's field comments on {@code spec.ingress} / {@code spec.egress}:
 * not isolated ⇒ allowed; a pod's traffic with itself ⇒ allowed; traffic between a pod and its
 * own node's addresses ⇒ allowed ("if the traffic source is the pod's local node", and the
 * NetworkPolicy page for both directions); else the first rule that matches, in policy-name
 * then rule order; else denied.
 */
final class Verdicts {
  static final int NOT_ISOLATED = -1;
  static final int SELF = -2;
  static final int OWN_NODE = -3;
  static final int DENIED = -4;
  /** How many rules (and policies) a denial's reason names before it summarises the rest. */
  static final int MAX_CLAUSES = 8;

  private final PodIndex index;

  Verdicts(PodIndex index) {
    this.index = index;
  }

  /**
   * {@return the outcome for the pod {@code subject} of the view}: one of the constants, or
   * {@code policy << 16 | rule}, the positions of the allowing rule
   *
   * @param peerAddress the other side (the source for ingress, the destination for egress)
   * @param peerPod the pod holding {@code peerAddress}, or {@code null} if no (ordinary) pod
   */
  int decide(PodPolicies view, PolicyPod subject, IpAddress peerAddress, PolicyPod peerPod,
      boolean self, int port, Protocol protocol) {
    if (!view.isolated()) {
      return NOT_ISOLATED;
    }
    if (self) {
      return SELF;
    }
    if (peerPod == null && isOwnNode(subject, peerAddress)) {
      return OWN_NODE;
    }
    PortCandidates candidates = view.candidates(port, protocol, subject);
    CompiledRule[] rules = candidates.rules;
    for (int i = 0; i < rules.length; i++) {
      if (candidates.checkPorts[i] && !rules[i].ports.matches(port, protocol, peerPod)) {
        continue;
      }
      if (rules[i].matchesPeer(peerAddress, peerPod)) {
        return candidates.positions[i];
      }
    }
    return DENIED;
  }

  /** {@return the decision as a check, with its reason} */
  PolicyCheck explain(int outcome, PodPolicies view, PolicyPod subject, IpAddress peerAddress,
      PolicyPod peerPod, int port, Protocol protocol) {
    switch (outcome) {
      case NOT_ISOLATED:
        return view.notIsolatedCheck();
      case SELF:
        return view.selfCheck();
      case OWN_NODE:
        return view.ownNodeCheck(subject.nodeName);
      case DENIED:
        return PolicyCheck.of(view.direction, view.pod, view.names(), false, Optional.empty(),
            deniedReason(view, subject, peerAddress, peerPod, port, protocol));
      default:
        return view.allowedCheck(outcome >>> 16, outcome & 0xFFFF);
    }
  }

  /**
   * {@return whether policies let {@code source} open a connection to {@code destination},
   * addressed pod IP to pod IP without NAT} A hostNetwork pod's side is its node's address:
   * it has no egress check (as a source) and no ingress check (as a destination).
   */
  boolean allowedBetween(PolicyPod source, PolicyPod destination, int port, Protocol protocol) {
    if (source == destination) {
      return true;
    }
    if (!source.hostNetwork) {
      PolicyPod peer = destination.hostNetwork ? null : destination;
      if (decide(source.policies(PolicyDirection.EGRESS), source, destination.ip, peer, false,
          port, protocol) == DENIED) {
        return false;
      }
    }
    if (!destination.hostNetwork) {
      PolicyPod peer = source.hostNetwork ? null : source;
      return decide(destination.policies(PolicyDirection.INGRESS), destination, source.ip, peer,
          false, port, protocol) != DENIED;
    }
    return true;
  }

  private boolean isOwnNode(PolicyPod subject, IpAddress peerAddress) {
    String node = index.nodeAt(peerAddress);
    return node != null && node.equals(subject.nodeName);
  }

  /**
   * {@return why no rule matched: per rule, the port or the peer it lacks; per policy without
   * rules for the direction, that; then the policies and the peer}, e.g. {@code port 81/TCP
   * not in ingress[0].ports of x/allow-80; no rule of x/allow-80 allows 10.244.1.5 (y/b) on
   * 81/TCP}.
   * Past {@link #MAX_CLAUSES} rules or policies the rest are counted, not named (the check's
   * {@code policies} still lists them all).
   */
  private String deniedReason(PodPolicies view, PolicyPod subject, IpAddress peerAddress,
      PolicyPod peerPod, int port, Protocol protocol) {
    String peer = describe(peerAddress, peerPod);
    String peerList = view.direction == PolicyDirection.INGRESS ? "from" : "to";
    PolicyPod namedPortPod = view.direction == PolicyDirection.INGRESS ? subject : peerPod;
    List<String> clauses = new ArrayList<>();
    int unnamed = 0;
    for (CompiledPolicy policy : view.policies) {
      CompiledRule[] rules = policy.rules(view.direction);
      for (int r = 0; r < Math.max(1, rules.length); r++) {
        if (clauses.size() == MAX_CLAUSES) {
          unnamed++;
        } else if (rules.length == 0) {
          clauses.add(policy.name + " has no " + view.direction.apiName() + " rules");
        } else if (!rules[r].ports.matches(port, protocol, namedPortPod)) {
          clauses.add("port " + port + "/" + protocol + " not in " + rules[r].field
              + ".ports of " + policy.name);
        } else {
          clauses.add(peer + " not in " + rules[r].field + "." + peerList + " of "
              + policy.name);
        }
      }
    }
    if (unnamed > 0) {
      clauses.add("(" + unnamed + " more)");
    }
    List<String> names = view.names();
    clauses.add("no rule of " + String.join(", ", names.subList(0, Math.min(names.size(),
        MAX_CLAUSES))) + (names.size() > MAX_CLAUSES ? " (and " + (names.size() - MAX_CLAUSES)
            + " more policies)" : "") + " allows " + peer + " on " + port + "/" + protocol);
    return String.join("; ", clauses);
  }

  private String describe(IpAddress address, PolicyPod pod) {
    if (pod != null) {
      return address + " (" + pod.key + ")";
    }
    String node = index.nodeAt(address);
    return node != null ? address + " (node " + node + ")" : String.valueOf(address);
  }
}
