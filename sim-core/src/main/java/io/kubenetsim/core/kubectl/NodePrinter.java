package io.kubenetsim.core.kubectl;

import io.kubenetsim.model.Node;
import io.kubenetsim.model.NodeAddress;
import io.kubenetsim.model.NodeSystemInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Prints nodes as {@code kubectl get nodes}: {@code NAME STATUS ROLES AGE VERSION}, and with
 * {@code -o wide} also {@code INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION
 * CONTAINER-RUNTIME}.
 *
 * <p>Follows upstream {@code printNode}: STATUS is {@code Ready} when the Ready condition is
 * True, {@code NotReady} when it is False or Unknown, {@code Unknown} when the node reports no
 * Ready condition, plus {@code ,SchedulingDisabled} for a cordoned node. ROLES come from {@code
 * node-role.kubernetes.io/<role>} label keys and the legacy {@code kubernetes.io/role} value,
 * sorted, {@code <none>} when there are none.
 *
 * <pre>{@code
 * new NodePrinter().row(node, cluster.now(), false);  // [node-1, Ready, <none>, 3h, v1.34.0]
 * }</pre>
 */
public final class NodePrinter implements ResourcePrinter<Node> {

  static final String ROLE_PREFIX = "node-role.kubernetes.io/";
  static final String LEGACY_ROLE_LABEL = "kubernetes.io/role";

  private static final List<String> COLUMNS =
      List.of("Name", "Status", "Roles", "Age", "Version");
  private static final List<String> WIDE_COLUMNS = List.of(
      "Internal-IP", "External-IP", "OS-Image", "Kernel-Version", "Container-Runtime");

  @Override
  public List<String> columns() {
    return COLUMNS;
  }

  @Override
  public List<String> wideColumns() {
    return WIDE_COLUMNS;
  }

  @Override
  public List<String> row(Node node, Instant now, boolean wide) {
    NodeSystemInfo info = node.status().nodeInfo();
    List<String> cells = new ArrayList<>();
    cells.add(node.metadata().name());
    cells.add(statusText(node));
    cells.add(roles(node));
    cells.add(HumanDuration.since(node.metadata().creationTimestamp(), now));
    cells.add(info.kubeletVersion());
    if (wide) {
      cells.add(node.status().address(NodeAddress.INTERNAL_IP).orElse("<none>"));
      cells.add(node.status().address(NodeAddress.EXTERNAL_IP).orElse("<none>"));
      cells.add(orUnknown(info.osImage()));
      cells.add(orUnknown(info.kernelVersion()));
      cells.add(orUnknown(info.containerRuntimeVersion()));
    }
    return cells;
  }

  static String statusText(Node node) {
    String status = node.status().condition("Ready")
        .map(c -> c.isTrue() ? "Ready" : "NotReady")
        .orElse("Unknown");
    return node.spec().unschedulable() ? status + ",SchedulingDisabled" : status;
  }

  static String roles(Node node) {
    // A sorted set: upstream collects roles in a set, and the order must not depend on hashing.
    TreeSet<String> roles = new TreeSet<>();
    for (Map.Entry<String, String> label : node.metadata().labels().asMap().entrySet()) {
      String key = label.getKey();
      if (key.startsWith(ROLE_PREFIX) && key.length() > ROLE_PREFIX.length()) {
        roles.add(key.substring(ROLE_PREFIX.length()));
      } else if (key.equals(LEGACY_ROLE_LABEL) && !label.getValue().isEmpty()) {
        roles.add(label.getValue());
      }
    }
    return roles.isEmpty() ? "<none>" : String.join(",", roles);
  }

  private static String orUnknown(String value) {
    return value.isEmpty() ? "<unknown>" : value;
  }
}
