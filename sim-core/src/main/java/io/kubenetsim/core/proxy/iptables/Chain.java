package io.kubenetsim.core.proxy.iptables;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * An iptables chain: built-in ones (PREROUTING, INPUT, …) have an {@code ACCEPT} policy, the
 * ones kube-proxy creates have none ({@code -}). Rules are in the order they are evaluated.
 */
public record Chain(String name, boolean builtin, ImmutableList<Rule> rules) {

  public Chain {
    rules = ImmutableList.copyOf(rules);
  }

  static Chain of(String name, boolean builtin, List<Rule> rules) {
    return new Chain(name, builtin, ImmutableList.copyOf(rules));
  }

  /** {@return the declaration line, {@code :NAME POLICY [0:0]}} */
  public String declaration() {
    return ":" + name + (builtin ? " ACCEPT" : " -") + " [0:0]";
  }
}
