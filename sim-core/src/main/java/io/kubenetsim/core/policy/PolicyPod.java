package io.kubenetsim.core.policy;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.PolicyDirection;
import io.kubenetsim.net.Protocol;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * A pod as the engine tracks it: what policies look at (labels, IP, node, container ports) and,
 * per direction, the policies that select it ({@link PodPolicies}), kept current as policies
 * and labels change so a verdict never searches for them.
 *
 * <p>A hostNetwork pod is tracked by name only (a matrix may name it): it holds no slot in its
 * namespace, so it is in no pod set, and no policy ever selects it (reference §6.8). Confined to
 * the simulation thread.
 */
final class PolicyPod {
  private static final Comparator<CompiledPolicy> BY_NAME =
      Comparator.comparing(p -> p.key);

  final NamespacedName name;
  /** {@code namespace/name}, as checks name pods. */
  final String key;
  final PolicyNamespace namespace;
  final boolean hostNetwork;
  /** The slot in the namespace's pod sets; -1 for a hostNetwork pod. */
  int local = -1;
  Labels labels;
  /** The pod IP, or {@code null} before the sandbox has one. */
  IpAddress ip;
  String nodeName;
  ImmutableList<ContainerPort> ports;
  /** The policies selecting the pod per direction, sorted by name; {@code null} for none. */
  private List<CompiledPolicy> ingressPolicies;
  private List<CompiledPolicy> egressPolicies;
  /** Their snapshots, made on first use after a change; {@code null} when stale. */
  private PodPolicies ingress;
  private PodPolicies egress;

  PolicyPod(NamespacedName name, PolicyNamespace namespace, boolean hostNetwork) {
    this.name = name;
    this.key = name.toString();
    this.namespace = namespace;
    this.hostNetwork = hostNetwork;
  }

  /** {@return the policies selecting this pod for a direction} */
  PodPolicies policies(PolicyDirection direction) {
    if (direction == PolicyDirection.INGRESS) {
      PodPolicies view = ingress;
      return view != null ? view
          : (ingress = PodPolicies.of(direction, key, ingressPolicies));
    }
    PodPolicies view = egress;
    return view != null ? view : (egress = PodPolicies.of(direction, key, egressPolicies));
  }

  /** The pod's container ports changed (named ports resolve against them). */
  void portsChanged(ImmutableList<ContainerPort> newPorts) {
    ports = newPorts;
    ingress = null;
    egress = null;
  }

  /** The policy's {@code podSelector} now selects this pod (it replaces an older version). */
  void select(CompiledPolicy policy) {
    if (policy.appliesTo(PolicyDirection.INGRESS)) {
      ingressPolicies = insert(ingressPolicies, policy);
      ingress = null;
    }
    if (policy.appliesTo(PolicyDirection.EGRESS)) {
      egressPolicies = insert(egressPolicies, policy);
      egress = null;
    }
  }

  /** This version of the policy no longer selects this pod (relabelled, changed, gone). */
  void unselect(CompiledPolicy policy) {
    if (remove(ingressPolicies, policy)) {
      ingress = null;
    }
    if (remove(egressPolicies, policy)) {
      egress = null;
    }
  }

  private static List<CompiledPolicy> insert(List<CompiledPolicy> sorted,
      CompiledPolicy policy) {
    List<CompiledPolicy> list = sorted == null ? new ArrayList<>(2) : sorted;
    int at = Collections.binarySearch(list, policy, BY_NAME);
    if (at >= 0) {
      list.set(at, policy);
    } else {
      list.add(-at - 1, policy);
    }
    return list;
  }

  private static boolean remove(List<CompiledPolicy> sorted, CompiledPolicy policy) {
    if (sorted == null) {
      return false;
    }
    int at = Collections.binarySearch(sorted, policy, BY_NAME);
    if (at < 0 || sorted.get(at) != policy) {
      return false;
    }
    sorted.remove(at);
    return true;
  }

  /**
   * {@return whether a container port has this name and protocol and number} Upstream resolves
   * a policy's named port "on a pod" — the destination's — by name; the protocol must agree.
   */
  boolean servesNamedPort(String portName, Protocol protocol, int port) {
    for (int i = 0; i < ports.size(); i++) {
      ContainerPort p = ports.get(i);
      if (p.containerPort() == port && p.protocol() == protocol && p.name().equals(portName)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return key;
  }
}
