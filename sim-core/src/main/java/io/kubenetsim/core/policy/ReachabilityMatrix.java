package io.kubenetsim.core.policy;

import static com.google.common.base.Preconditions.checkArgument;
import static io.kubenetsim.core.policy.Bits.or;
import static io.kubenetsim.core.policy.Bits.orAnd;
import static io.kubenetsim.core.policy.Bits.set;
import static io.kubenetsim.core.policy.Bits.words;

import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.net.PolicyDirection;
import io.kubenetsim.net.Protocol;
import io.kubenetsim.net.Reachability;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pods × pods on one port and protocol, by bit sets rather than cell by cell (the way
 * cyclonus's matcher and Antrea's in-process computation batch it):
 *
 * <ol>
 *   <li>each peer set used by a relevant rule is projected once onto the rows (sources) and
 *       once onto the columns (destinations) — a bit per pod of the table;
 *   <li>per destination, the peers of every ingress rule of its selecting policies whose ports
 *       match (named ports resolved against that destination) are ORed into the sources its
 *       ingress allows;
 *   <li>per source, likewise for egress, each rule's peers ANDed with the destinations its
 *       ports match (a named port resolves per destination pod);
 *   <li>the ingress sets are turned into rows (columns no policy isolates as one mask), and
 *       each row is ANDed word by word with the source's egress set; a pod with itself is
 *       allowed.
 * </ol>
 *
 * Rows or columns of hostNetwork pods (whose side is their node's address) take {@link
 * Verdicts#allowedBetween} cell by cell instead; they are few. Pods without an IP yet are
 * judged by their labels; no ipBlock matches them.
 */
final class ReachabilityMatrix {
  /** Marks a column no policy isolates for ingress: every source. */
  private static final long[] ALL = new long[0];

  private final PodIndex index;
  private final Verdicts verdicts;

  ReachabilityMatrix(PodIndex index, Verdicts verdicts) {
    this.index = index;
    this.verdicts = verdicts;
  }

  Reachability compute(List<NamespacedName> from, List<NamespacedName> to, int port,
      Protocol protocol) {
    Side rows = new Side(resolve(from, "from"));
    Side columns = new Side(resolve(to, "to"));
    long[][] ingress = ingressSources(rows, columns, port, protocol);
    long[][] egress = egressDestinations(rows, columns, port, protocol);
    long[][] cells = transpose(ingress, rows.pods.length, columns.all.length);
    for (int r = 0; r < rows.pods.length; r++) {
      long[] row = cells[r];
      long[] allowedOut = egress[r] == null ? new long[row.length] : egress[r];
      for (int w = 0; w < row.length; w++) {
        row[w] &= allowedOut[w];
      }
      PolicyPod source = rows.pods[r];
      for (int c : source.hostNetwork ? columns.everyIndex() : columns.hostNetwork) {
        if (source != columns.pods[c]
            && verdicts.allowedBetween(source, columns.pods[c], port, protocol)) {
          set(row, c);
        }
      }
      Integer self = columns.indexOf.get(source);
      if (self != null) {
        set(row, self);
      }
    }
    return Reachability.ofCells(port, protocol, rows.names, columns.names,
        (r, c) -> Bits.get(cells[r], c));
  }

  /**
   * {@return per row, the columns whose ingress allows it} Columns no policy isolates are one
   * mask ORed into every row; only isolated columns are walked bit by bit.
   */
  private static long[][] transpose(long[][] ingress, int rowCount, int columnWords) {
    long[] open = new long[columnWords];
    long[][] out = new long[rowCount][columnWords];
    for (int c = 0; c < ingress.length; c++) {
      long[] sources = ingress[c];
      if (sources == null) {
        continue;
      }
      if (sources == ALL) {
        set(open, c);
        continue;
      }
      for (int w = 0; w < sources.length; w++) {
        for (long word = sources[w]; word != 0; word &= word - 1) {
          set(out[(w << 6) + Long.numberOfTrailingZeros(word)], c);
        }
      }
    }
    for (long[] row : out) {
      or(row, open);
    }
    return out;
  }

  /** Per destination column, the rows its ingress allows (by rule; self and node aside). */
  private long[][] ingressSources(Side rows, Side columns, int port, Protocol protocol) {
    long[][] out = new long[columns.pods.length][];
    for (int c = 0; c < out.length; c++) {
      PolicyPod destination = columns.pods[c];
      if (destination.hostNetwork) {
        continue;
      }
      PodPolicies view = destination.policies(PolicyDirection.INGRESS);
      if (!view.isolated()) {
        out[c] = ALL;
        continue;
      }
      long[] allowed = new long[rows.all.length];
      for (CompiledPolicy policy : view.policies) {
        for (CompiledRule rule : policy.rules(PolicyDirection.INGRESS)) {
          if (rule.ports.matches(port, protocol, destination)) {
            or(allowed, rows.peers(rule));
          }
        }
      }
      out[c] = allowed;
    }
    return out;
  }

  /** Per source row, the columns its egress allows (by rule; self and node aside). */
  private long[][] egressDestinations(Side rows, Side columns, int port, Protocol protocol) {
    long[][] out = new long[rows.pods.length][];
    for (int r = 0; r < out.length; r++) {
      PolicyPod source = rows.pods[r];
      if (source.hostNetwork) {
        continue;
      }
      PodPolicies view = source.policies(PolicyDirection.EGRESS);
      if (!view.isolated()) {
        out[r] = columns.all;
        continue;
      }
      long[] allowed = new long[columns.all.length];
      for (CompiledPolicy policy : view.policies) {
        for (CompiledRule rule : policy.rules(PolicyDirection.EGRESS)) {
          long[] ports = columns.ports(rule.ports, port, protocol);
          if (ports != null) {
            orAnd(allowed, columns.peers(rule), ports);
          }
        }
      }
      out[r] = allowed;
    }
    return out;
  }

  private List<PolicyPod> resolve(List<NamespacedName> names, String side) {
    List<PolicyPod> pods = new ArrayList<>(names.size());
    for (NamespacedName name : names) {
      PolicyPod pod = index.pod(name);
      checkArgument(pod != null, "%s pod %s is not in the NetworkPolicy engine's view (not "
          + "created yet, deleted, or its informer has not delivered it)", side, name);
      pods.add(pod);
    }
    return pods;
  }

  /** The pods of one side of the table, and each peer set projected onto them (memoized). */
  private static final class Side {
    final PolicyPod[] pods;
    final List<String> names;
    final long[] all;
    private final Map<CompiledPeer, long[]> projected = new IdentityHashMap<>();
    private final Map<String, long[]> serving = new HashMap<>();

    /** The positions of hostNetwork pods. */
    final int[] hostNetwork;
    /** Each pod's position (the first, should a name repeat). */
    final Map<PolicyPod, Integer> indexOf = new IdentityHashMap<>();

    Side(List<PolicyPod> pods) {
      this.pods = pods.toArray(new PolicyPod[0]);
      this.names = pods.stream().map(p -> p.key).toList();
      this.all = new long[words(this.pods.length)];
      List<Integer> hosts = new ArrayList<>();
      for (int i = 0; i < this.pods.length; i++) {
        indexOf.putIfAbsent(this.pods[i], i);
        if (this.pods[i].hostNetwork) {
          hosts.add(i);
        } else {
          set(all, i);
        }
      }
      this.hostNetwork = hosts.stream().mapToInt(Integer::intValue).toArray();
    }

    int[] everyIndex() {
      return java.util.stream.IntStream.range(0, pods.length).toArray();
    }

    /** {@return the pods any peer of the rule matches (all, for a rule without peers)} */
    long[] peers(CompiledRule rule) {
      if (rule.peers.length == 1) {
        return project(rule.peers[0]);
      }
      if (rule.peers.length == 0) {
        return all;
      }
      long[] union = new long[all.length];
      for (CompiledPeer peer : rule.peers) {
        or(union, project(peer));
      }
      return union;
    }

    /**
     * {@return the destinations whose port matches the rule's ports: all for a numeric
     * match, else those serving a matching named port; {@code null} when none can}
     */
    long[] ports(PortMatcher ports, int port, Protocol protocol) {
      if (ports.matchesNumerically(port, protocol)) {
        return all;
      }
      long[] union = null;
      for (int i = 0; i < ports.namedCount(); i++) {
        if (ports.namedProtocol(i) == protocol) {
          long[] named = serving(ports.name(i), protocol, port);
          union = union == null ? named.clone() : or(union, named);
        }
      }
      return union;
    }

    private long[] project(CompiledPeer peer) {
      return projected.computeIfAbsent(peer, p -> {
        long[] bits = new long[all.length];
        for (int i = 0; i < pods.length; i++) {
          if (!pods[i].hostNetwork && p.matches(pods[i].ip, pods[i])) {
            set(bits, i);
          }
        }
        return bits;
      });
    }

    private long[] serving(String name, Protocol protocol, int port) {
      return serving.computeIfAbsent(protocol + "/" + name, k -> {
        long[] bits = new long[all.length];
        for (int i = 0; i < pods.length; i++) {
          if (!pods[i].hostNetwork && pods[i].servesNamedPort(name, protocol, port)) {
            set(bits, i);
          }
        }
        return bits;
      });
    }
  }
}
