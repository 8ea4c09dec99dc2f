package io.kubenetsim.core;

import io.kubenetsim.Cluster;
import io.kubenetsim.NodeHandle;
import io.kubenetsim.event.SimEvent;
import io.kubenetsim.model.Pod;
import java.util.List;

/**
 * What a failing cluster test prints: the seed (to replay), the virtual time, the nodes and
 * pods as they are, and the tail of the event log.
 */
final class Diagnostics {

  private Diagnostics() {}

  /** {@return the seed, time, nodes, pods and the last 40 events} */
  static String context(Cluster c) {
    return context(c, 40);
  }

  /** {@return the seed, time, nodes, pods and the last {@code tail} events} */
  static String context(Cluster c, int tail) {
    StringBuilder out = new StringBuilder();
    out.append("\n--- seed ").append(c.seed()).append(", virtual time +").append(c.elapsed())
        .append(" ---\nnodes:\n");
    for (NodeHandle node : c.nodes()) {
      out.append("  ").append(node.get()).append(' ').append(node.get().spec().taints())
          .append('\n');
    }
    out.append("pods:\n");
    for (Pod pod : c.list(Pod.class)) {
      out.append("  ").append(pod).append('\n');
    }
    List<SimEvent> events = c.events().asList();
    int from = Math.max(0, events.size() - tail);
    out.append("last ").append(events.size() - from).append(" of ").append(events.size())
        .append(" events:\n");
    for (SimEvent event : events.subList(from, events.size())) {
      out.append("  ").append(event).append('\n');
    }
    return out.toString();
  }
}
