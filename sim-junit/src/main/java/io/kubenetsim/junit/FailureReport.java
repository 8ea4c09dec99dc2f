package io.kubenetsim.junit;

import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.event.SimEvent;
import java.util.List;
import java.util.Optional;

/**
 * What a failing test's report adds about its cluster: how to build the same cluster again (the
 * seed replays every name, IP and pick), the last events, and the last connection explained.
 */
final class FailureReport {
  private FailureReport() {}

  static String of(ClusterRecipe recipe, Cluster cluster) {
    StringBuilder out = new StringBuilder("kube-netsim cluster of this test (seed ")
        .append(cluster.seed()).append(")\n");
    out.append("  replay: ").append(recipe.annotation()).append('\n');
    out.append("    the same seed and settings build the same cluster, event for event")
        .append(recipe.customized() ? " (with the extension's builder customizer too)" : "")
        .append('\n');
    List<SimEvent> events = cluster.events().asList();
    int shown = Math.min(recipe.reportEvents(), events.size());
    long millis = cluster.elapsed().toMillis();
    out.append("  after ").append(millis / 1000).append('.')
        .append(String.format("%03d", millis % 1000)).append("s of virtual time, ")
        .append(events.size())
        .append(" events; the last ").append(shown).append(":\n");
    for (SimEvent event : events.subList(events.size() - shown, events.size())) {
      out.append("    ").append(event).append('\n');
    }
    Optional<Connection> last = cluster.lastConnection();
    if (last.isEmpty()) {
      out.append("  no connection was made\n");
    } else {
      out.append("  last connection: ").append(last.get().verdict()).append('\n');
      indent(out, last.get().explain());
    }
    return out.toString();
  }

  private static void indent(StringBuilder out, String text) {
    for (String line : text.strip().split("\n")) {
      out.append("    ").append(line).append('\n');
    }
  }
}
