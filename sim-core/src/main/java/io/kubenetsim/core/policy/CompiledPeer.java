package io.kubenetsim.core.policy;

import io.kubenetsim.net.IpAddress;

/**
 * One compiled entry of a rule's {@code from} (ingress) or {@code to} (egress) list, upstream's
 * {@code NetworkPolicyPeer}: a pod set ({@link PodSelection}), a namespace set ({@link
 * NamespaceSelection}, every pod of the matching namespaces) or an address block ({@link
 * AddressBlock}). Matching is a lookup in state kept up to date as pods, namespaces and
 * policies change, never a label-selector evaluation.
 */
interface CompiledPeer {

  /** A peer the API server would have refused (none of its three fields set): matches nothing. */
  CompiledPeer NOTHING = new CompiledPeer() {
    @Override
    public boolean matches(IpAddress address, PolicyPod pod) {
      return false;
    }

    @Override
    public String toString() {
      return "no peer";
    }
  };

  /**
   * {@return whether traffic with this peer matches}
   *
   * @param address the peer's address (the source for ingress, the destination for egress);
   *     {@code null} when a pod has none yet
   * @param pod the pod holding that address, or {@code null} when it is no pod's (a node, a
   *     hostNetwork pod, the outside world); selector peers only ever match pods
   */
  boolean matches(IpAddress address, PolicyPod pod);
}
