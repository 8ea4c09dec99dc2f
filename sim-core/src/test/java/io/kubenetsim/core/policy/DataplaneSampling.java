package io.kubenetsim.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.net.Reachability;
import java.util.ArrayList;
import java.util.List;

/**
 * Tries some cells of an expected table as real connections through the simulated dataplane,
 * as upstream's e2e suite probes every cell with agnhost ({@code probe.go}): the source pod
 * connects to the destination pod's IP on the table's port and protocol. A cell is established
 * when allowed; a policy drop ends {@code TIMED_OUT}.
 *
 * <p>The sample is deterministic: two cells per row, in columns {@code (4r + 1) mod n} and
 * {@code (4r + 5) mod n} (so with 9 pods every column is hit twice and no cell is a pod to
 * itself), plus — in {@link #ALL_CELLS} mode — every cell expected denied, since a drop the
 * dataplane misses is the bug that matters most.
 */
enum DataplaneSampling {
  /** No connections. */
  OFF,
  /** Sampled cells expected allowed must connect; denied ones are not tried. */
  ALLOWED_CELLS,
  /** Sampled cells and every denied cell must connect exactly when expected allowed. */
  ALL_CELLS;

  /**
   * Connects for each sampled cell and asserts the outcome.
   *
   * @param context what the failure message starts with (scenario, step, port)
   */
  void verify(Cluster cluster, Reachability expected, String context) {
    for (int[] cell : cells(expected)) {
      String from = expected.from().get(cell[0]);
      String to = expected.to().get(cell[1]);
      boolean want = expected.allowed(from, to);
      if (!want && this != ALL_CELLS) {
        continue;
      }
      String ip = cluster.getPod(to).ip().orElseThrow(
          () -> new AssertionError(context + ": " + to + " has no IP"));
      Connection connection = cluster.getPod(from).connect(ip, expected.port(),
          expected.protocol());
      boolean got = connection.isEstablished();
      if (got) {
        connection.close();
      }
      assertEquals(want, got, () -> context + ": dataplane " + from + " -> " + to + " ("
          + ip + ":" + expected.port() + "/" + expected.protocol() + ")\n"
          + connection.explain());
    }
  }

  private List<int[]> cells(Reachability expected) {
    List<int[]> cells = new ArrayList<>();
    if (this == OFF) {
      return cells;
    }
    int columns = expected.to().size();
    for (int row = 0; row < expected.from().size(); row++) {
      for (int column = 0; column < columns; column++) {
        boolean sampled = column == (4 * row + 1) % columns || column == (4 * row + 5) % columns;
        boolean denied = !expected.allowed(expected.from().get(row), expected.to().get(column));
        if (sampled || (this == ALL_CELLS && denied)) {
          cells.add(new int[] {row, column});
        }
      }
    }
    return cells;
  }
}
