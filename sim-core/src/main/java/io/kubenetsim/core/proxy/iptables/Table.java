package io.kubenetsim.core.proxy.iptables;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An iptables table ({@code nat} or {@code filter}): chains in the order they were created
 * (built-in chains first), each with its rules. Immutable; iterates in creation order.
 */
public record Table(String name, ImmutableMap<String, Chain> chains) {

  /** {@return the chain with this name, if the table has it} */
  public Optional<Chain> chain(String chainName) {
    return Optional.ofNullable(chains.get(chainName));
  }

  /** {@return the number of rules in every chain} */
  public int ruleCount() {
    return chains.values().stream().mapToInt(c -> c.rules().size()).sum();
  }

  /** Collects chains and rules in writing order, as upstream's line buffers do. */
  static final class Builder {
    private final String name;
    private final Map<String, Boolean> builtin = new LinkedHashMap<>();
    private final Map<String, List<Rule>> rules = new LinkedHashMap<>();

    Builder(String name, List<String> builtinChains) {
      this.name = name;
      builtinChains.forEach(c -> declare(c, true));
    }

    Builder declare(String chain) {
      return declare(chain, false);
    }

    private Builder declare(String chain, boolean isBuiltin) {
      builtin.putIfAbsent(chain, isBuiltin);
      rules.putIfAbsent(chain, new ArrayList<>());
      return this;
    }

    Builder append(Rule rule) {
      declare(rule.chain());
      rules.get(rule.chain()).add(rule);
      return this;
    }

    Table build() {
      Map<String, Chain> built = new LinkedHashMap<>();
      rules.forEach((chain, list) -> built.put(chain, Chain.of(chain, builtin.get(chain), list)));
      return new Table(name, ImmutableMap.copyOf(built));
    }
  }
}
