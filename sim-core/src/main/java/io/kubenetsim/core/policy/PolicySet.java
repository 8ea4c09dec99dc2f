package io.kubenetsim.core.policy;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicyPeer;
import io.kubenetsim.model.NetworkPolicyRule;
import io.kubenetsim.model.NetworkPolicySpec;
import io.kubenetsim.net.PolicyDirection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled policies, by key. Putting a policy compiles it (its selectors become shared
 * sets, evaluated over their scope only if new), then moves the pods its {@code podSelector}
 * selects from the old version to the new one; removing it undoes that and releases its sets.
 * A write that leaves the spec unchanged (labels, annotations) does nothing. Confined to the
 * simulation thread.
 */
final class PolicySet {
  private final PodIndex index;
  private final Selections selections;
  private final Map<NamespacedName, CompiledPolicy> byKey = new HashMap<>();

  PolicySet(PodIndex index) {
    this.index = index;
    this.selections = index.selections();
  }

  /** A policy was created or updated, as the informer now shows it. */
  void put(NetworkPolicy policy) {
    NamespacedName key = policy.metadata().key();
    CompiledPolicy old = byKey.get(key);
    if (old != null && old.spec.equals(policy.spec())) {
      return;
    }
    CompiledPolicy compiled = compile(key, policy.spec());
    if (old != null) {
      detach(old);
    }
    byKey.put(key, compiled);
    compiled.target.targetOf.add(compiled);
    compiled.target.forEachPod(pod -> pod.select(compiled));
    if (old != null) {
      old.uses.forEach(selections::release);
    }
  }

  /** A policy was deleted. */
  void remove(NamespacedName key) {
    CompiledPolicy old = byKey.remove(key);
    if (old != null) {
      detach(old);
      old.uses.forEach(selections::release);
    }
  }

  private void detach(CompiledPolicy policy) {
    policy.target.forEachPod(pod -> pod.unselect(policy));
    policy.target.targetOf.remove(policy);
  }

  private CompiledPolicy compile(NamespacedName key, NetworkPolicySpec spec) {
    PolicyNamespace namespace = index.namespace(key.namespace());
    ImmutableList.Builder<CompiledPeer> uses = ImmutableList.builder();
    PodSelection target = selections.podsIn(namespace, spec.podSelector());
    uses.add(target);
    CompiledRule[] ingress = spec.appliesToIngress()
        ? rules(key, PolicyDirection.INGRESS, spec.ingress(), namespace, uses)
        : new CompiledRule[0];
    CompiledRule[] egress = spec.appliesToEgress()
        ? rules(key, PolicyDirection.EGRESS, spec.egress(), namespace, uses)
        : new CompiledRule[0];
    return new CompiledPolicy(key, spec, target, ingress, egress, uses.build());
  }

  private CompiledRule[] rules(NamespacedName key, PolicyDirection direction,
      List<NetworkPolicyRule> rules, PolicyNamespace namespace,
      ImmutableList.Builder<CompiledPeer> uses) {
    CompiledRule[] compiled = new CompiledRule[rules.size()];
    for (int i = 0; i < compiled.length; i++) {
      NetworkPolicyRule rule = rules.get(i);
      CompiledPeer[] peers = new CompiledPeer[rule.peers().size()];
      for (int p = 0; p < peers.length; p++) {
        peers[p] = peer(rule.peers().get(p), namespace, uses);
      }
      String field = direction.apiName() + "[" + i + "]";
      compiled[i] = new CompiledRule(key + " " + field, field,
          PortMatcher.compile(rule.ports()), peers);
    }
    return compiled;
  }

  /**
   * {@return the compiled peer} Upstream's {@code NetworkPolicyPeer}: {@code ipBlock} stands
   * alone (the API server rejects it beside a selector; here it would win); {@code podSelector}
   * alone selects pods of the policy's namespace; {@code namespaceSelector} alone every pod of
   * the matching namespaces; both, the matching pods of the matching namespaces.
   */
  private CompiledPeer peer(NetworkPolicyPeer peer, PolicyNamespace namespace,
      ImmutableList.Builder<CompiledPeer> uses) {
    if (peer.ipBlock().isPresent()) {
      return AddressBlock.compile(peer.ipBlock().get());
    }
    CompiledPeer compiled;
    if (peer.podSelector().isPresent() && peer.namespaceSelector().isPresent()) {
      compiled = selections.podsAcross(peer.namespaceSelector().get(), peer.podSelector().get());
    } else if (peer.podSelector().isPresent()) {
      compiled = selections.podsIn(namespace, peer.podSelector().get());
    } else if (peer.namespaceSelector().isPresent()) {
      compiled = selections.namespaces(peer.namespaceSelector().get());
    } else {
      return CompiledPeer.NOTHING;
    }
    uses.add(compiled);
    return compiled;
  }
}
