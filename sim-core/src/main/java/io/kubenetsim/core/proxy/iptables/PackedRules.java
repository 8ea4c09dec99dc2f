package io.kubenetsim.core.proxy.iptables;

import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.IpFamily;
import io.kubenetsim.net.Protocol;
import java.util.List;

/**
 * A chain's matches as primitive arrays, so that a walk over thousands of rules (KUBE-SERVICES
 * holds one or more per service port) tests each rule with a few integer operations instead of
 * visiting {@link Rule} and {@link Match} objects. Still one rule after another, as the kernel
 * does: {@link #next} returns the first rule at or after a position that matches, and the walk
 * counts the rules it passed.
 *
 * <p>Each rule's destination address and prefix, destination port and protocol are packed into
 * one {@code long} key with a mask, compared with the packet's key in one step. What does not
 * fit — a source address, a negated address, {@code --src-type}/{@code --dst-type LOCAL} — is
 * flagged and tested only for rules that pass the first step. Matches that never match in a
 * walk (marks, conntrack state; addresses of the other family) make the key unmatchable. Rules
 * with matches that draw randomness or read kernel state ({@code statistic}, {@code recent})
 * or with two matches of one kind are left to the {@link Rule} objects: they are flagged slow,
 * always returned, and the walk tests them itself. Only IPv4 packets are packed.
 *
 * <p>Immutable after construction.
 */
final class PackedRules {
  private static final int SLOW = 1;
  private static final int SOURCE = 2;
  private static final int SOURCE_NEGATED = 4;
  private static final int DESTINATION_NEGATED = 8;
  private static final int SOURCE_LOCAL = 16;
  private static final int DESTINATION_LOCAL = 32;

  // The key: destination address in bits 63..32, destination port in 31..16, protocol (its
  // ordinal + 1) in 15..8. Bit 0 is never set in a packet's key, so a rule that can never match
  // sets it in its key and mask.
  private static final long PORT_MASK = 0xFFFFL << 16;
  private static final long PROTOCOL_MASK = 0xFFL << 8;
  private static final long UNMATCHABLE = 1L;

  private final int size;
  /** Key of rule i at 2i, its mask at 2i + 1: one rule's test reads adjacent words. */
  private final long[] keys;
  private final byte[] flags;
  private final int[] sourceKey;
  private final int[] sourceMask;
  private final int[] negatedDestinationKey;
  private final int[] negatedDestinationMask;

  private PackedRules(int size) {
    this.size = size;
    this.keys = new long[2 * size];
    this.flags = new byte[size];
    this.sourceKey = new int[size];
    this.sourceMask = new int[size];
    this.negatedDestinationKey = new int[size];
    this.negatedDestinationMask = new int[size];
  }

  /** {@return the rules' matches, packed} */
  static PackedRules of(List<Rule> rules) {
    PackedRules packed = new PackedRules(rules.size());
    for (int i = 0; i < rules.size(); i++) {
      packed.pack(i, rules.get(i));
    }
    return packed;
  }

  /**
   * {@return a packet's key}, or -1 when the packet cannot be packed (not IPv4, or a port or
   * protocol outside the key's fields); such packets are walked over the {@link Rule} objects
   */
  static long key(IpAddress destination, int port, Protocol protocol) {
    if (destination.family() != IpFamily.IPV4 || port < 0 || port > 0xFFFF) {
      return -1;
    }
    return destination.low() << 32 | (long) port << 16 | (long) (protocol.ordinal() + 1) << 8;
  }

  /**
   * {@return the position of the first rule at or after {@code from} that matches the packet
   * or is slow, or the number of rules when none is}
   *
   * @param packet the packet's {@link #key}
   * @param source the packet's IPv4 source address
   * @param destination the packet's IPv4 destination address, as in the key
   */
  int next(int from, long packet, int source, int destination, boolean sourceLocal,
      boolean destinationLocal) {
    long[] keys = this.keys;
    for (int i = from; i < size; i++) {
      if (((keys[2 * i] ^ packet) & keys[2 * i + 1]) == 0
          && (flags[i] == 0 || rest(i, source, destination, sourceLocal, destinationLocal))) {
        return i;
      }
    }
    return size;
  }

  /** {@return whether the rule must be tested over its {@link Rule} object} */
  boolean slow(int rule) {
    return (flags[rule] & SLOW) != 0;
  }

  private boolean rest(int i, int source, int destination, boolean sourceLocal,
      boolean destinationLocal) {
    int f = flags[i];
    boolean sourceIn = ((source ^ sourceKey[i]) & sourceMask[i]) == 0;
    return (f & SLOW) != 0
        || ((f & SOURCE) == 0 || sourceIn)
        && ((f & SOURCE_NEGATED) == 0 || !sourceIn)
        && ((f & DESTINATION_NEGATED) == 0
            || ((destination ^ negatedDestinationKey[i]) & negatedDestinationMask[i]) != 0)
        && ((f & SOURCE_LOCAL) == 0 || sourceLocal)
        && ((f & DESTINATION_LOCAL) == 0 || destinationLocal);
  }

  private void pack(int i, Rule rule) {
    long key = 0;
    long mask = 0;
    int f = 0;
    boolean slow = false;
    boolean hasDestination = false;
    for (Match match : rule.matches()) {
      if (match instanceof Match.Comment || match instanceof Match.RecentSet) {
        continue; // always match
      } else if (match instanceof Match.ProtocolMatch p) {
        slow |= (mask & PROTOCOL_MASK) != 0;
        key |= (long) (p.protocol().ordinal() + 1) << 8;
        mask |= PROTOCOL_MASK;
      } else if (match instanceof Match.DestinationPort p) {
        slow |= (mask & PORT_MASK) != 0 || p.port() < 0 || p.port() > 0xFFFF;
        key |= (long) (p.port() & 0xFFFF) << 16;
        mask |= PORT_MASK;
      } else if (match instanceof Match.Destination d) {
        slow |= hasDestination;
        hasDestination = true;
        if (d.cidr().family() != IpFamily.IPV4) {
          // Another family's prefix never holds an IPv4 address: never a match, or always one
          // when negated.
          key |= d.negated() ? 0 : UNMATCHABLE;
          mask |= d.negated() ? 0 : UNMATCHABLE;
        } else if (d.negated()) {
          f |= DESTINATION_NEGATED;
          negatedDestinationKey[i] = (int) d.cidr().network().low();
          negatedDestinationMask[i] = prefixMask(d.cidr());
        } else {
          key |= d.cidr().network().low() << 32;
          mask |= ((long) prefixMask(d.cidr()) & 0xFFFFFFFFL) << 32;
        }
      } else if (match instanceof Match.Source s) {
        slow |= (f & (SOURCE | SOURCE_NEGATED)) != 0;
        if (s.cidr().family() != IpFamily.IPV4) {
          key |= s.negated() ? 0 : UNMATCHABLE;
          mask |= s.negated() ? 0 : UNMATCHABLE;
        } else {
          f |= s.negated() ? SOURCE_NEGATED : SOURCE;
          sourceKey[i] = (int) s.cidr().network().low();
          sourceMask[i] = prefixMask(s.cidr());
        }
      } else if (match instanceof Match.AddressTypeLocal a) {
        f |= a.source() ? SOURCE_LOCAL : DESTINATION_LOCAL;
      } else if (match instanceof Match.KernelState) {
        key |= UNMATCHABLE;
        mask |= UNMATCHABLE;
      } else if (match instanceof Match.Statistic || match instanceof Match.RecentCheck) {
        slow = true;
      } else {
        throw new AssertionError("unknown match " + match);
      }
    }
    if (slow) {
      // The walk tests every match in order, as written; the key lets the rule through.
      keys[2 * i] = 0;
      keys[2 * i + 1] = 0;
      flags[i] = SLOW;
      return;
    }
    keys[2 * i] = key;
    keys[2 * i + 1] = mask;
    flags[i] = (byte) f;
  }

  /** {@return the IPv4 prefix's network mask as a 32-bit word} */
  private static int prefixMask(Cidr cidr) {
    int length = cidr.prefixLength();
    return length == 0 ? 0 : -1 << (32 - length);
  }
}
