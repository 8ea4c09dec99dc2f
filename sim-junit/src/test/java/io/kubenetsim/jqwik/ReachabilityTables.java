package io.kubenetsim.jqwik;

import io.kubenetsim.Cluster;
import io.kubenetsim.net.Reachability;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's pod-to-pod reachability over some pods, one table per probe port, and the
 * checks the policy properties make on them. Failures print the port, both tables and the
 * context (the manifests, as YAML, come from jqwik's report of the sample).
 */
record ReachabilityTables(List<String> pods, Map<ProbePort, Reachability> tables) {

  /** {@return the cluster's tables over {@code pods} ({@code namespace/name}) on each port} */
  static ReachabilityTables of(Cluster cluster, List<String> pods, List<ProbePort> ports) {
    Map<ProbePort, Reachability> tables = new LinkedHashMap<>();
    for (ProbePort port : ports) {
      tables.put(port, cluster.reachability(pods, pods, port.port(), port.protocol()));
    }
    return new ReachabilityTables(List.copyOf(pods), tables);
  }

  /** {@return how many cells, over all tables, are denied} */
  long deniedCells() {
    return tables.values().stream()
        .mapToLong(t -> (long) t.from().size() * t.to().size() - t.allowedCount()).sum();
  }

  /** Fails, naming the port and cells, unless every table equals {@code expected}'s. */
  void assertEqualTo(ReachabilityTables expected, String what) {
    tables.forEach((port, table) -> {
      Reachability want = expected.tables().get(port);
      if (!table.equals(want)) {
        throw new AssertionError(what + ", on " + port + ":\n" + table.diff(want));
      }
    });
  }

  /** Fails unless {@code law} holds for every cell, given its values before and after. */
  static void assertEveryCell(ReachabilityTables before, ReachabilityTables after,
      CellLaw law, String what) {
    before.tables().forEach((port, was) -> {
      Reachability is = after.tables().get(port);
      for (String from : was.from()) {
        for (String to : was.to()) {
          if (!law.holds(from, to, was.allowed(from, to), is.allowed(from, to))) {
            throw new AssertionError(what + ": cell " + from + " -> " + to + " on " + port
                + " went from " + mark(was.allowed(from, to)) + " to "
                + mark(is.allowed(from, to)) + "\nbefore:\n" + was + "\nafter:\n" + is);
          }
        }
      }
    });
  }

  /** A law about one cell, given whether it was allowed before and after a change. */
  @FunctionalInterface
  interface CellLaw {
    boolean holds(String from, String to, boolean before, boolean after);
  }

  private static String mark(boolean allowed) {
    return allowed ? "allowed" : "denied";
  }
}
