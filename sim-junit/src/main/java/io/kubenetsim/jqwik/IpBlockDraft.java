package io.kubenetsim.jqwik;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.IPBlock;
import io.kubenetsim.net.Cidr;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A NetworkPolicy {@code ipBlock}: a subnet of one of the networks kube-netsim's clusters use by
 * default (pods, nodes, or the whole IPv4 space), minus up to two of its own subnets. Subnets of
 * the pod network at small indexes hold the first nodes' pods, so blocks often cover some pods
 * and not others.
 *
 * @param base the network the block is cut from
 * @param extraBits how much longer the block's prefix is than the base's (capped at /32)
 * @param pick which subnet of that length
 * @param except the excepted subnets, each {@code extraBits} longer than the block (at least
 *     one) and picked by index; none when the block is a single address
 */
record IpBlockDraft(Base base, int extraBits, int pick, ImmutableList<Except> except) {

  /** The networks blocks are cut from: kube-netsim's default pod and node networks, and all. */
  enum Base {
    PODS("10.244.0.0/16"),
    NODES("172.18.0.0/16"),
    EVERYWHERE("0.0.0.0/0");

    private final Cidr cidr;

    Base(String cidr) {
      this.cidr = Cidr.parse(cidr);
    }
  }

  /**
   * An excepted subnet: {@code extraBits} (at least 1) longer than the block, the {@code
   * pick}-th.
   */
  record Except(int extraBits, int pick) {}

  static Arbitrary<IpBlockDraft> drafts() {
    Arbitrary<Integer> picks = Arbitraries.integers().between(0, 255);
    Arbitrary<Except> except = Combinators.combine(Arbitraries.integers().between(1, 16), picks)
        .as(Except::new);
    return Combinators.combine(Arbitraries.of(Base.class), Arbitraries.integers().between(0, 16),
        picks, except.list().ofMaxSize(2))
        .as((base, bits, pick, excepts) -> new IpBlockDraft(base, bits, pick,
            ImmutableList.copyOf(excepts)));
  }

  /** {@return the block as a policy writes it: network/prefix, excepts strictly inside} */
  IPBlock resolve() {
    Cidr block = subnet(base.cidr, extraBits, pick);
    List<String> excepts = new ArrayList<>();
    if (block.prefixLength() < 32) {
      for (Except e : except) {
        String text = subnet(block, Math.max(1, e.extraBits()), e.pick()).toString();
        if (!excepts.contains(text)) {
          excepts.add(text);
        }
      }
    }
    return IPBlock.of(block.toString(), excepts);
  }

  private static Cidr subnet(Cidr within, int extraBits, int pick) {
    int prefix = Math.min(32, within.prefixLength() + extraBits);
    long count = within.subnetCount(prefix);
    return within.subnet(prefix, Math.floorMod(pick, count));
  }
}
