package io.kubenetsim.core.policy;

import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.net.IpAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * A {@code podSelector} compiled to the set of pods it matches, shared by every use of the same
 * selector in the same scope. Two scopes, as upstream's {@code NetworkPolicyPeer} defines them:
 * one namespace (a policy's {@code spec.podSelector}, or a peer's {@code podSelector} alone:
 * "selects particular Pods in the same namespace as the NetworkPolicy"), or the namespaces a
 * {@code namespaceSelector} matches (both selectors in one peer: "selects particular Pods
 * within particular Namespaces"). Bits are per namespace, over its pods' local slots, so a set
 * costs memory in proportion to the namespaces it spans, not the cluster.
 *
 * <p>{@link #targetOf} lists the policies whose {@code spec.podSelector} this is: when the set
 * gains or loses a pod, that pod's per-direction policy lists change with it. Confined to the
 * simulation thread.
 */
final class PodSelection implements CompiledPeer {
  final LabelSelector selector;
  /** The one namespace of a single-namespace set; {@code null} for a cross-namespace one. */
  final PolicyNamespace scope;
  /** The namespaces of a cross-namespace set; {@code null} for a single-namespace one. */
  final NamespaceSelection namespaces;
  final List<CompiledPolicy> targetOf = new ArrayList<>();
  int references;
  private BitSet scopeBits;
  private BitSet[] byNamespace = new BitSet[0];

  private PodSelection(LabelSelector selector, PolicyNamespace scope,
      NamespaceSelection namespaces) {
    this.selector = selector;
    this.scope = scope;
    this.namespaces = namespaces;
  }

  static PodSelection in(PolicyNamespace scope, LabelSelector selector) {
    PodSelection selection = new PodSelection(selector, scope, null);
    selection.scopeBits = selection.evaluate(scope);
    return selection;
  }

  static PodSelection across(NamespaceSelection namespaces, LabelSelector selector) {
    return new PodSelection(selector, null, namespaces);
  }

  /** {@return whether the pod (never a hostNetwork one) is in the set} */
  boolean contains(PolicyPod pod) {
    if (scope != null) {
      return pod.namespace == scope && scopeBits.get(pod.local);
    }
    int i = pod.namespace.index;
    return i < byNamespace.length && byNamespace[i] != null && byNamespace[i].get(pod.local);
  }

  @Override
  public boolean matches(IpAddress address, PolicyPod pod) {
    return pod != null && contains(pod);
  }

  /** Re-evaluates one pod of a namespace in scope, after it appeared or was relabelled. */
  void update(PolicyPod pod) {
    BitSet bits = bits(pod.namespace);
    if (bits == null) {
      return;
    }
    boolean now = selector.matches(pod.labels);
    if (bits.get(pod.local) == now) {
      return;
    }
    bits.set(pod.local, now);
    for (CompiledPolicy policy : targetOf) {
      if (now) {
        pod.select(policy);
      } else {
        pod.unselect(policy);
      }
    }
  }

  /** Forgets a pod that is gone (its slot will be reused). */
  void clear(PolicyPod pod) {
    BitSet bits = bits(pod.namespace);
    if (bits != null) {
      bits.clear(pod.local);
    }
  }

  /** A cross-namespace set: the namespace now matches its namespaceSelector. */
  void include(PolicyNamespace namespace) {
    if (namespace.index >= byNamespace.length) {
      byNamespace = Arrays.copyOf(byNamespace, Math.max(namespace.index + 1,
          byNamespace.length * 2));
    }
    byNamespace[namespace.index] = evaluate(namespace);
  }

  /** A cross-namespace set: the namespace no longer matches its namespaceSelector. */
  void exclude(PolicyNamespace namespace) {
    if (namespace.index < byNamespace.length) {
      byNamespace[namespace.index] = null;
    }
  }

  /** Calls {@code action} with every pod in the set of a single-namespace set. */
  void forEachPod(java.util.function.Consumer<PolicyPod> action) {
    for (int slot = scopeBits.nextSetBit(0); slot >= 0; slot = scopeBits.nextSetBit(slot + 1)) {
      action.accept(scope.pod(slot));
    }
  }

  private BitSet bits(PolicyNamespace namespace) {
    if (scope != null) {
      return namespace == scope ? scopeBits : null;
    }
    int i = namespace.index;
    return i < byNamespace.length ? byNamespace[i] : null;
  }

  private BitSet evaluate(PolicyNamespace namespace) {
    BitSet bits = new BitSet();
    for (int slot = 0; slot < namespace.slotLimit(); slot++) {
      PolicyPod pod = namespace.pod(slot);
      if (pod != null && selector.matches(pod.labels)) {
        bits.set(slot);
      }
    }
    return bits;
  }

  @Override
  public String toString() {
    return scope != null ? "podSelector {" + selector + "} in " + scope.name
        : "podSelector {" + selector + "} in " + namespaces;
  }
}
