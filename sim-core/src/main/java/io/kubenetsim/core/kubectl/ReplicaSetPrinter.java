package io.kubenetsim.core.kubectl;

import io.kubenetsim.model.Container;
import io.kubenetsim.model.ReplicaSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints ReplicaSets as {@code kubectl get replicasets}: {@code NAME DESIRED CURRENT READY AGE},
 * and with {@code -o wide} also {@code CONTAINERS IMAGES SELECTOR}.
 *
 * <p>Follows upstream {@code printReplicaSet}: DESIRED is {@code spec.replicas}, CURRENT and
 * READY come from the status; the selector prints as {@code metav1.FormatLabelSelector} does,
 * {@code <none>} when empty.
 *
 * <pre>{@code
 * new ReplicaSetPrinter().row(rs, cluster.now(), false);  // [web-5d9c8, 3, 3, 3, 10m]
 * }</pre>
 */
public final class ReplicaSetPrinter implements ResourcePrinter<ReplicaSet> {

  private static final List<String> COLUMNS =
      List.of("Name", "Desired", "Current", "Ready", "Age");
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
  public List<String> row(ReplicaSet replicaSet, Instant now, boolean wide) {
    List<String> cells = new ArrayList<>();
    cells.add(replicaSet.metadata().name());
    cells.add(Integer.toString(replicaSet.spec().replicas()));
    cells.add(Integer.toString(replicaSet.status().replicas()));
    cells.add(Integer.toString(replicaSet.status().readyReplicas()));
    cells.add(HumanDuration.since(replicaSet.metadata().creationTimestamp(), now));
    if (wide) {
      List<Container> containers = replicaSet.spec().template().spec().containers();
      cells.add(ContainerCells.names(containers));
      cells.add(ContainerCells.images(containers));
      cells.add(ContainerCells.selectorOrNone(replicaSet.spec().selector()));
    }
    return cells;
  }
}
