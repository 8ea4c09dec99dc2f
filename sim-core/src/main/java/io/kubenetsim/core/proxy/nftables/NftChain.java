package io.kubenetsim.core.proxy.nftables;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * A chain of the {@code ip kube-proxy} table.
 *
 * @param hook for a base chain, what {@code nft list ruleset} prints on its first line, e.g.
 *     {@code type filter hook prerouting priority dstnat - 10; policy accept;}
 */
public record NftChain(String name, Optional<String> hook, Optional<String> comment,
    ImmutableList<NftRule> rules) {

  static NftChain regular(String name, List<NftRule> rules) {
    return new NftChain(name, Optional.empty(), Optional.empty(), ImmutableList.copyOf(rules));
  }

  static NftChain base(String name, String type, String hook, String priority,
      List<NftRule> rules) {
    return new NftChain(name,
        Optional.of("type " + type + " hook " + hook + " priority " + priority
            + "; policy accept;"),
        Optional.empty(), ImmutableList.copyOf(rules));
  }
}
