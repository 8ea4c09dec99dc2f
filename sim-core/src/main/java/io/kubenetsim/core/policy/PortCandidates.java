package io.kubenetsim.core.policy;

import static com.google.common.base.Preconditions.checkArgument;

import io.kubenetsim.net.PolicyDirection;
import io.kubenetsim.net.Protocol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rules of one pod's selecting policies (one direction) that can match one port and
 * protocol, in policy-name then rule order, with their positions: a verdict then tests only
 * their peers. For ingress, named ports resolve against the pod itself, so the list is exact;
 * for egress they resolve against each destination, so a rule with a named entry of the
 * protocol stays in the list marked to have its ports checked per packet. A rule that an
 * earlier candidate subsumes (same or more peers, no per-packet port check) is left out: it
 * could never be the first match. Immutable.
 */
final class PortCandidates {
  /** {@code protocol ordinal << 16 | port}. */
  final int key;
  /** {@code policy << 16 | rule}, as {@link Verdicts#decide} returns an allowing rule. */
  final int[] positions;
  final CompiledRule[] rules;
  /** Whether the rule's ports must still be matched against the destination pod. */
  final boolean[] checkPorts;

  private PortCandidates(int key, int[] positions, CompiledRule[] rules, boolean[] checkPorts) {
    this.key = key;
    this.positions = positions;
    this.rules = rules;
    this.checkPorts = checkPorts;
  }

  static int key(int port, Protocol protocol) {
    return protocol.ordinal() << 16 | port;
  }

  /** {@return the candidates among the policies of a view for {@code subject}'s traffic} */
  static PortCandidates of(CompiledPolicy[] policies, PolicyDirection direction,
      PolicyPod subject, int port, Protocol protocol) {
    // Positions pack policy and rule into one int; a pod selected by 32,768 policies, or a
    // policy with 65,536 rules of one direction, would not fit.
    checkArgument(policies.length < 1 << 15, "%s policies select %s; at most 32767 are "
        + "supported", policies.length, subject);
    List<Integer> positions = new ArrayList<>();
    List<CompiledRule> rules = new ArrayList<>();
    List<Boolean> checkPorts = new ArrayList<>();
    for (int p = 0; p < policies.length; p++) {
      CompiledRule[] all = policies[p].rules(direction);
      checkArgument(all.length < 1 << 16, "policy %s has %s %s rules; at most 65535 are "
          + "supported", policies[p], all.length, direction);
      for (int r = 0; r < all.length; r++) {
        PortMatcher ports = all[r].ports;
        boolean candidate;
        boolean check = false;
        if (direction == PolicyDirection.INGRESS) {
          candidate = ports.matches(port, protocol, subject);
        } else {
          candidate = ports.matchesNumerically(port, protocol);
          if (!candidate && ports.hasNamed(protocol)) {
            candidate = true;
            check = true;
          }
        }
        if (candidate && !subsumed(all[r], rules, checkPorts)) {
          positions.add(p << 16 | r);
          rules.add(all[r]);
          checkPorts.add(check);
        }
      }
    }
    return build(key(port, protocol), positions, rules, checkPorts);
  }

  /**
   * {@return whether an earlier candidate always matches when this rule would} — its ports
   * need no check and its peers include all of this rule's (or it has none) — so this rule
   * could never be the first match and need not be tested.
   */
  private static boolean subsumed(CompiledRule rule, List<CompiledRule> earlier,
      List<Boolean> checkPorts) {
    for (int i = 0; i < earlier.size(); i++) {
      if (!checkPorts.get(i) && covers(earlier.get(i).peers, rule.peers)) {
        return true;
      }
    }
    return false;
  }

  private static boolean covers(CompiledPeer[] wider, CompiledPeer[] narrower) {
    if (wider.length == 0) {
      return true;
    }
    if (narrower.length == 0) {
      return false;
    }
    for (CompiledPeer peer : narrower) {
      if (!Arrays.asList(wider).contains(peer)) {
        return false;
      }
    }
    return true;
  }

  private static PortCandidates build(int key, List<Integer> positions,
      List<CompiledRule> rules, List<Boolean> checkPorts) {
    boolean[] checks = new boolean[checkPorts.size()];
    for (int i = 0; i < checks.length; i++) {
      checks[i] = checkPorts.get(i);
    }
    return new PortCandidates(key,
        positions.stream().mapToInt(Integer::intValue).toArray(),
        rules.toArray(new CompiledRule[0]), checks);
  }
}
