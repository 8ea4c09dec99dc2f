package io.kubenetsim.core.policy;

import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.net.IpAddress;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A {@code namespaceSelector} compiled to the set of namespaces it matches (a bit per namespace
 * index), shared by every peer that writes the same selector. As a peer on its own it is
 * upstream's "selects all Pods in the Namespaces selected by NamespaceSelector"; with a
 * {@code podSelector} beside it, the pod sets that depend on it ({@link #dependents}) follow its
 * changes. Confined to the simulation thread.
 */
final class NamespaceSelection implements CompiledPeer {
  final LabelSelector selector;
  final BitSet namespaces = new BitSet();
  /** Pod sets of peers with both selectors, which hold bits only for matching namespaces. */
  final List<PodSelection> dependents = new ArrayList<>();
  int references;

  NamespaceSelection(LabelSelector selector) {
    this.selector = selector;
  }

  boolean contains(PolicyNamespace namespace) {
    return namespaces.get(namespace.index);
  }

  @Override
  public boolean matches(IpAddress address, PolicyPod pod) {
    return pod != null && namespaces.get(pod.namespace.index);
  }

  @Override
  public String toString() {
    return "namespaceSelector {" + selector + "}";
  }
}
