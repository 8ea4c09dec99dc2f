package io.kubenetsim.core.kubectl;

import static io.kubenetsim.core.kubectl.Fixtures.NOW;
import static io.kubenetsim.core.kubectl.Fixtures.condition;
import static io.kubenetsim.core.kubectl.Fixtures.cordoned;
import static io.kubenetsim.core.kubectl.Fixtures.nodeWithLabels;
import static io.kubenetsim.core.kubectl.Fixtures.readyNode;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.Condition;
import io.kubenetsim.model.ConditionStatus;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.NodeAddress;
import io.kubenetsim.model.NodeStatus;
import io.kubenetsim.model.NodeSystemInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rows of {@code kubectl get nodes}: status from the Ready condition, roles from labels. */
class NodePrinterTest {

  private final NodePrinter printer = new NodePrinter();

  @Test
  void readyNodeWithoutRolesPrintsNoneAndTheKubeletVersion() {
    Node node = readyNode("node-1", "192.168.0.11", Duration.ofDays(10));
    assertEquals(List.of("node-1", "Ready", "<none>", "10d", "v1.34.0"),
        printer.row(node, NOW, false));
  }

  @Test
  void wideAddsAddressesAndSystemInfo() {
    Node node = readyNode("node-1", "192.168.0.11", Duration.ofDays(10));
    assertEquals(List.of("node-1", "Ready", "<none>", "10d", "v1.34.0", "192.168.0.11",
            "<none>", "kube-netsim virtual node", "6.1.0-kube-netsim", "containerd://2.1.0"),
        printer.row(node, NOW, true));
    assertEquals(List.of("Name", "Status", "Roles", "Age", "Version", "Internal-IP",
        "External-IP", "OS-Image", "Kernel-Version", "Container-Runtime"), printer.columns(true));
  }

  @Test
  void readyFalseAndReadyUnknownBothPrintNotReady() {
    Node ready = readyNode("node-1", "192.168.0.11", Duration.ofDays(1));
    Node notReady = ready.withStatus(ready.status().withConditions(
        List.of(condition("Ready", false))));
    Node unknown = ready.withStatus(ready.status().withConditions(List.of(new Condition(
        "Ready", ConditionStatus.UNKNOWN, NOW, "NodeStatusUnknown", ""))));
    assertEquals("NotReady", printer.row(notReady, NOW, false).get(1));
    assertEquals("NotReady", printer.row(unknown, NOW, false).get(1));
  }

  @Test
  void nodeWithoutReadyConditionIsUnknownAndCordonedAddsSchedulingDisabled() {
    Node fresh = Node.of("node-9", "192.168.0.19");
    assertEquals("Unknown", printer.row(fresh, NOW, false).get(1));
    assertEquals("<unknown>", printer.row(fresh, NOW, false).get(3));
    Node cordonedReady = cordoned(readyNode("node-1", "192.168.0.11", Duration.ofDays(1)));
    assertEquals("Ready,SchedulingDisabled", printer.row(cordonedReady, NOW, false).get(1));
  }

  @Test
  void rolesComeFromRoleLabelsSortedAndTheLegacyRoleLabel() {
    Node node = nodeWithLabels(readyNode("cp-1", "192.168.0.2", Duration.ofDays(1)),
        Labels.of(Map.of(
            "node-role.kubernetes.io/worker", "",
            "node-role.kubernetes.io/control-plane", "",
            "node-role.kubernetes.io/", "",
            "kubernetes.io/role", "ingress",
            "app", "x")));
    assertEquals("control-plane,ingress,worker", printer.row(node, NOW, false).get(2));
  }

  @Test
  void externalIpAndEmptySystemInfoPrintAsKubectlDoes() {
    Node node = readyNode("edge-1", "192.168.0.30", Duration.ofHours(1));
    NodeStatus status = new NodeStatus(ImmutableList.of(
            new NodeAddress(NodeAddress.EXTERNAL_IP, "203.0.113.7"),
            new NodeAddress(NodeAddress.INTERNAL_IP, "192.168.0.30")),
        110, node.status().conditions(), new NodeSystemInfo("v1.33.1", "", "", ""));
    assertEquals(List.of("edge-1", "Ready", "<none>", "60m", "v1.33.1", "192.168.0.30",
            "203.0.113.7", "<unknown>", "<unknown>", "<unknown>"),
        printer.row(node.withStatus(status), NOW, true));
  }
}
