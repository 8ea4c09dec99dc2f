package io.kubenetsim.core.proxy.iptables;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One service port's own chains (KUBE-SVC, KUBE-SVL, KUBE-EXT, KUBE-FW, KUBE-SEP) as {@link
 * ServicePortRules} writes them for one {@link PortVariant}, in creation order. Shared by every
 * node with that variant; compiled when a walk first jumps into the port. Immutable.
 */
final class PortChainSet {
  private final ImmutableMap<String, RuleChain> chains;

  private PortChainSet(Table table) {
    Map<String, RuleChain> built = new LinkedHashMap<>();
    table.chains().forEach((name, chain) -> built.put(name,
        RuleChain.ofPort(name, chain.rules(), this)));
    this.chains = ImmutableMap.copyOf(built);
  }

  /** {@return the port's chains for nodes with this variant} */
  static PortChainSet compile(PortShape shape, PortVariant variant) {
    Table.Builder nat = new Table.Builder("nat", List.of());
    new ServicePortRules(shape, variant, nat).write();
    return new PortChainSet(nat.build());
  }

  /** {@return the chain, or null when the port has none by that name} */
  RuleChain chain(String name) {
    return chains.get(name);
  }

  /** {@return the chains in creation order} */
  ImmutableList<RuleChain> chains() {
    return chains.values().asList();
  }
}
