package io.kubenetsim.core.policy;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.PolicyDirection;
import io.kubenetsim.net.Protocol;

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
  private PodPolicies ingress;
  private PodPolicies egress;

  PolicyPod(NamespacedName name, PolicyNamespace namespace, boolean hostNetwork) {
    this.name = name;
    this.key = name.toString();
    this.namespace = namespace;
    this.hostNetwork = hostNetwork;
    this.ingress = PodPolicies.none(PolicyDirection.INGRESS, key);
    this.egress = PodPolicies.none(PolicyDirection.EGRESS, key);
  }

  /** {@return the policies selecting this pod for a direction} */
  PodPolicies policies(PolicyDirection direction) {
    return direction == PolicyDirection.INGRESS ? ingress : egress;
  }

  /** The pod's container ports changed (named ports resolve against them). */
  void portsChanged(ImmutableList<ContainerPort> newPorts) {
    ports = newPorts;
    ingress = ingress.uncached();
    egress = egress.uncached();
  }

  /** The policy's {@code podSelector} now selects this pod. */
  void select(CompiledPolicy policy) {
    if (policy.appliesTo(PolicyDirection.INGRESS)) {
      ingress = ingress.with(policy);
    }
    if (policy.appliesTo(PolicyDirection.EGRESS)) {
      egress = egress.with(policy);
    }
  }

  /** The policy no longer selects this pod (relabelled, or the policy changed or went). */
  void unselect(CompiledPolicy policy) {
    ingress = ingress.without(policy);
    egress = egress.without(policy);
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
