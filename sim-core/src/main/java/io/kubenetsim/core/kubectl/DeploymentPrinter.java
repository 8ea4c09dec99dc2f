package io.kubenetsim.core.kubectl;

import io.kubenetsim.model.Container;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.WorkloadStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints Deployments as {@code kubectl get deployments}: {@code NAME READY UP-TO-DATE AVAILABLE
 * AGE}, and with {@code -o wide} also {@code CONTAINERS IMAGES SELECTOR}.
 *
 * <p>Follows upstream {@code printDeployment}: READY is {@code readyReplicas/spec.replicas};
 * the selector prints as apimachinery prints a selector, an empty selector as an empty cell.
 *
 * <pre>{@code
 * new DeploymentPrinter().row(deployment, cluster.now(), false);  // [web, 3/3, 3, 3, 10m]
 * }</pre>
 */
public final class DeploymentPrinter implements ResourcePrinter<Deployment> {

  private static final List<String> COLUMNS =
      List.of("Name", "Ready", "Up-to-date", "Available", "Age");
  private static final List<String> WIDE_COLUMNS = List.of("Containers", "Images", "Selector");

  @Override
  public List<String> columns() {
    return COLUMNS;
  }

  @Override
  public List<String> wideColumns() {
    return WIDE_COLUMNS;
  }

  @Override
  public List<String> row(Deployment deployment, Instant now, boolean wide) {
    WorkloadStatus status = deployment.status();
    List<String> cells = new ArrayList<>();
    cells.add(deployment.metadata().name());
    cells.add(status.readyReplicas() + "/" + deployment.spec().replicas());
    cells.add(Integer.toString(status.updatedReplicas()));
    cells.add(Integer.toString(status.availableReplicas()));
    cells.add(HumanDuration.since(deployment.metadata().creationTimestamp(), now));
    if (wide) {
      List<Container> containers = deployment.spec().template().spec().containers();
      cells.add(ContainerCells.names(containers));
      cells.add(ContainerCells.images(containers));
      cells.add(ContainerCells.selector(deployment.spec().selector()));
    }
    return cells;
  }
}
