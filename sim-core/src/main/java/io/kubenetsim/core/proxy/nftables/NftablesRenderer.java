package io.kubenetsim.core.proxy.nftables;

import java.util.List;

/**
 * Prints a {@link NftablesRuleset} in the block layout of {@code nft list ruleset}: the table
 * comment, then sets and maps (type, flags, timeout, comment, elements), then chains (base-chain
 * hook line, comment, rules), separated by blank lines, indented with tabs.
 *
 * <p>Rules and elements are printed as kube-proxy writes them (upstream {@code
 * pkg/proxy/nftables/proxier_test.go} text), not as {@code nft} re-normalises them on listing
 * (it would print {@code meta mark set meta mark | 0x00004000}, drop the spaces around vmap
 * commas, and re-order set elements by the kernel's own order). Elements are in the order they
 * were written: service ports in name order.
 */
public final class NftablesRenderer {
  private NftablesRenderer() {}

  /** {@return the {@code ip kube-proxy} table as {@code nft list ruleset} shows it} */
  public static String render(NftablesRuleset ruleset) {
    StringBuilder out = new StringBuilder();
    out.append("table ip kube-proxy {\n");
    out.append("\tcomment \"rules for kube-proxy\"\n");
    boolean first = true;
    for (NftSet set : ruleset.sets()) {
      if (!first) {
        out.append('\n');
      }
      first = false;
      renderSet(out, set);
    }
    for (NftChain chain : ruleset.chains()) {
      out.append('\n');
      renderChain(out, chain);
    }
    out.append("}\n");
    return out.toString();
  }

  private static void renderSet(StringBuilder out, NftSet set) {
    out.append('\t').append(set.kind()).append(' ').append(set.name()).append(" {\n");
    out.append("\t\ttype ").append(set.type()).append('\n');
    if (!set.flags().isEmpty()) {
      out.append("\t\tflags ").append(set.flags()).append('\n');
    }
    set.timeout().ifPresent(t -> out.append("\t\ttimeout ").append(t).append('\n'));
    set.comment().ifPresent(c -> out.append("\t\tcomment \"").append(c).append("\"\n"));
    List<NftElement> elements = set.elements();
    if (!elements.isEmpty()) {
      out.append("\t\telements = { ");
      for (int i = 0; i < elements.size(); i++) {
        if (i > 0) {
          out.append(",\n\t\t\t     ");
        }
        out.append(elements.get(i).text());
      }
      out.append(" }\n");
    }
    out.append("\t}\n");
  }

  private static void renderChain(StringBuilder out, NftChain chain) {
    out.append("\tchain ").append(chain.name()).append(" {\n");
    chain.hook().ifPresent(h -> out.append("\t\t").append(h).append('\n'));
    chain.comment().ifPresent(c -> out.append("\t\tcomment \"").append(c).append("\"\n"));
    for (NftRule rule : chain.rules()) {
      out.append("\t\t").append(rule.text()).append('\n');
    }
    out.append("\t}\n");
  }
}
