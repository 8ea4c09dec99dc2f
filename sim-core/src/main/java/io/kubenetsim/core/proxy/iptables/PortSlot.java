package io.kubenetsim.core.proxy.iptables;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.proxy.ServicePortInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * One service port's compiled rules: its {@link PortShape}, its rules in the shared chains
 * ({@link ServiceEntryRules}), and its own chains for the first {@link PortVariant} a walk
 * asked for. Everything here follows from the port's {@link ServicePortInfo} alone, so the next
 * snapshot reuses the slot while the port is unchanged (a sync that changed one Service
 * recompiles that Service's ports only). Confined to the simulation thread.
 */
final class PortSlot {
  /** A rule in a shared chain, with the nodes that have it. */
  record Entry(Rule rule, Presence presence) {}

  final PortShape shape;
  private final ImmutableList<Entry> nat;
  private final ImmutableList<Entry> filter;
  private PortVariant firstVariant;
  private PortChainSet firstChains;

  private PortSlot(PortShape shape, List<Entry> nat, List<Entry> filter) {
    this.shape = shape;
    this.nat = ImmutableList.copyOf(nat);
    this.filter = ImmutableList.copyOf(filter);
  }

  /** {@return the port's shape and shared-chain rules} */
  static PortSlot compile(ServicePortInfo port) {
    PortShape shape = new PortShape(port);
    List<Entry> nat = new ArrayList<>();
    List<Entry> filter = new ArrayList<>();
    new ServiceEntryRules(shape, nat, filter).write();
    return new PortSlot(shape, nat, filter);
  }

  /** {@return whether the slot holds this port's rules: the same port, unchanged} */
  boolean compiledFrom(ServicePortInfo port) {
    return shape.port == port || shape.port.equals(port);
  }

  /** Appends the port's shared-chain rules, as the port at this index of the snapshot. */
  void appendTo(SharedTable.Builder natTable, SharedTable.Builder filterTable, int index) {
    nat.forEach(e -> natTable.append(e.rule(), e.presence(), index));
    filter.forEach(e -> filterTable.append(e.rule(), e.presence(), index));
  }

  /** {@return the first variant a walk asked for, or null before any did} */
  PortVariant firstVariant() {
    return firstVariant;
  }

  /** {@return the port's chains for {@link #firstVariant}} */
  PortChainSet firstChains() {
    return firstChains;
  }

  /** Keeps the port's chains for its first variant. */
  void keepFirst(PortVariant variant, PortChainSet chains) {
    firstVariant = variant;
    firstChains = chains;
  }
}
