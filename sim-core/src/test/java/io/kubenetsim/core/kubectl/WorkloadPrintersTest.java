package io.kubenetsim.core.kubectl;

import static io.kubenetsim.core.kubectl.Fixtures.NOW;
import static io.kubenetsim.core.kubectl.Fixtures.deployment;
import static io.kubenetsim.core.kubectl.Fixtures.namespace;
import static io.kubenetsim.core.kubectl.Fixtures.replicaSet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.DeploymentSpec;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.LabelSelectorRequirement;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.ReplicaSet;
import io.kubenetsim.model.ReplicaSetSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rows of {@code get deployments}, {@code get replicasets} and {@code get namespaces}. */
class WorkloadPrintersTest {

  @Test
  void deploymentShowsReadyOverDesiredAndWideContainerCells() {
    Deployment d = deployment("shop", "web", 3, 2, Duration.ofMinutes(45));
    DeploymentPrinter printer = new DeploymentPrinter();
    assertEquals(List.of("web", "2/3", "3", "2", "45m"), printer.row(d, NOW, false));
    assertEquals(List.of("web", "2/3", "3", "2", "45m", "web,sidecar", "nginx:1.27,envoy:1.30",
        "app=web"), printer.row(d, NOW, true));
    assertEquals(List.of("Name", "Ready", "Up-to-date", "Available", "Age", "Containers",
        "Images", "Selector"), printer.columns(true));
  }

  @Test
  void deploymentWithEmptySelectorPrintsAnEmptySelectorCell() {
    // LabelSelectorAsSelector of {} is Everything, whose String() is "".
    Deployment d = deployment("shop", "web", 1, 1, Duration.ofMinutes(1));
    Deployment any = d.withSpec(new DeploymentSpec(1,
        LabelSelector.everything(), d.spec().template(), d.spec().strategy(), 0, 10));
    assertEquals("", new DeploymentPrinter().row(any, NOW, true).get(7));
  }

  @Test
  void replicaSetShowsDesiredCurrentReadyAndNoneForAnEmptySelector() {
    Deployment d = deployment("shop", "web", 3, 3, Duration.ofDays(2));
    ReplicaSet rs = replicaSet(d, "5d9c8f7b6", 1, Duration.ofHours(5));
    ReplicaSetPrinter printer = new ReplicaSetPrinter();
    assertEquals(List.of("web-5d9c8f7b6", "3", "3", "1", "5h"), printer.row(rs, NOW, false));
    assertEquals("app=web", printer.row(rs, NOW, true).get(7));
    ReplicaSet any = rs.withSpec(new ReplicaSetSpec(3, LabelSelector.everything(),
        rs.spec().template(), 0));
    assertEquals("<none>", printer.row(any, NOW, true).get(7));
  }

  @Test
  void selectorsPrintSortedByKeyWithSortedSetValues() {
    // apimachinery sorts requirements by key and the values inside in/notin.
    LabelSelector selector = new LabelSelector(
        ImmutableSortedMap.copyOf(Map.of("tier", "fe", "app", "web")),
        ImmutableList.of(
            LabelSelectorRequirement.of("zone", LabelSelectorRequirement.NOT_IN, List.of("b", "a")),
            LabelSelectorRequirement.of("env", LabelSelectorRequirement.IN,
                List.of("prod", "canary")),
            LabelSelectorRequirement.of("beta", LabelSelectorRequirement.DOES_NOT_EXIST,
                List.of()),
            LabelSelectorRequirement.of("gpu", LabelSelectorRequirement.EXISTS, List.of())));
    assertEquals("app=web,!beta,env in (canary,prod),gpu,tier=fe,zone notin (a,b)",
        ContainerCells.selector(selector));
  }

  @Test
  void namespaceShowsPhaseAndAge() {
    Namespace ns = namespace("shop", Duration.ofDays(400));
    assertEquals(List.of("shop", "Active", "400d"), new NamespacePrinter().row(ns, NOW, true));
    assertEquals(List.of("Name", "Status", "Age"), new NamespacePrinter().columns(true));
  }
}
