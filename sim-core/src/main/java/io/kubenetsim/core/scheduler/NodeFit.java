package io.kubenetsim.core.scheduler;

import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.Taint;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The scheduler's filters for one pod, with a count of why nodes were rejected, rendered as
 * kube-scheduler's {@code 0/3 nodes are available: …} message.
 */
final class NodeFit {
  private final Function<String, List<Pod>> boundPods;
  private final List<ContainerPort> wantedHostPorts;
  private final TreeMap<String, Integer> reasons = new TreeMap<>();

  private final NodeTable table;
  private final NodeLoad load;

  /**
   * @param table the nodes, as this pass sees them
   * @param load their live pod counts
   * @param boundPods the pods bound to a node, asked only when {@code pod} wants host ports
   */
  NodeFit(Pod pod, NodeTable table, NodeLoad load, Function<String, List<Pod>> boundPods) {
    this.table = table;
    this.load = load;
    this.boundPods = boundPods;
    this.wantedHostPorts = hostPorts(pod);
  }

  /** {@return whether the pod fits node {@code i} of the table}; counts the reason if not */
  boolean fits(int i) {
    if (table.open(i) && load.podsInSlot(table.slot(i)) < table.capacity(i)
        && wantedHostPorts.isEmpty()) {
      return true; // the common case, without building a reason
    }
    String reason = rejection(i);
    if (reason.isEmpty()) {
      return true;
    }
    reasons.merge(reason, 1, Integer::sum);
    return false;
  }

  private String rejection(int i) {
    if (!table.open(i)) {
      return table.rejection(i);
    }
    if (load.podsInSlot(table.slot(i)) >= table.capacity(i)) {
      return "Too many pods";
    }
    if (hostPortsTaken(table.name(i))) {
      return "node(s) didn't have free ports for the requested pod ports";
    }
    return "";
  }

  /**
   * {@return why no pod fits the node whatever the pod, or {@code ""}}: unschedulable, an
   * untolerated taint, not Ready. It depends on the node alone (pods here carry no tolerations
   * of their own), so the scheduler keeps it per node object rather than asking it per pod.
   */
  static String nodeRejection(Node node) {
    if (node.spec().unschedulable()) {
      return "node(s) were unschedulable";
    }
    for (Taint taint : node.spec().taints()) {
      if (!tolerated(taint)) {
        return "node(s) had untolerated taint {" + taint.key() + ": " + taint.value() + "}";
      }
    }
    if (!node.isReady()) {
      return "node(s) were not ready";
    }
    return "";
  }

  /**
   * Pods tolerate the not-ready and unreachable NoExecute taints for a while (the
   * DefaultTolerationSeconds admission plugin adds that), and nothing else.
   */
  private static boolean tolerated(Taint taint) {
    return taint.effect().equals("NoExecute") && (taint.key().equals(Taint.UNREACHABLE)
        || taint.key().equals(Taint.NOT_READY));
  }

  private boolean hostPortsTaken(String node) {
    if (wantedHostPorts.isEmpty()) {
      return false;
    }
    List<Pod> others = boundPods.apply(node);
    for (ContainerPort wanted : wantedHostPorts) {
      for (Pod other : others) {
        for (ContainerPort taken : hostPorts(other)) {
          if (taken.protocol() == wanted.protocol() && hostPort(taken) == hostPort(wanted)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static List<ContainerPort> hostPorts(Pod p) {
    if (p.status().phase().isTerminal()) {
      return List.of();
    }
    return p.spec().allPorts().stream()
        .filter(port -> port.hostPort() > 0 || p.spec().hostNetwork()).toList();
  }

  private static int hostPort(ContainerPort port) {
    return port.hostPort() > 0 ? port.hostPort() : port.containerPort();
  }

  String failureMessage(int nodeCount) {
    StringBuilder out = new StringBuilder("0/" + nodeCount + " nodes are available");
    if (reasons.isEmpty()) {
      return out.append(": no nodes registered.").toString();
    }
    out.append(": ");
    String sep = "";
    for (Map.Entry<String, Integer> reason : reasons.entrySet()) {
      out.append(sep).append(reason.getValue()).append(' ').append(reason.getKey());
      sep = ", ";
    }
    return out.append('.').toString();
  }
}
