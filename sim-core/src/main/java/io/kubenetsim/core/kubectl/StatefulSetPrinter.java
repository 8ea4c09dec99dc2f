package io.kubenetsim.core.kubectl;

import io.kubenetsim.model.Container;
import io.kubenetsim.model.StatefulSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints StatefulSets as {@code kubectl get statefulsets}: {@code NAME READY AGE}, and with
 * {@code -o wide} also {@code CONTAINERS IMAGES}.
 *
 * <p>Follows upstream {@code printStatefulSet}: READY is {@code
 * status.readyReplicas/spec.replicas}; the wide columns are {@code layoutContainerCells}'.
 *
 * <pre>{@code
 * new StatefulSetPrinter().row(set, cluster.now(), false);  // [web, 3/3, 10m]
 * }</pre>
 */
public final class StatefulSetPrinter implements ResourcePrinter<StatefulSet> {

  private static final List<String> COLUMNS = List.of("Name", "Ready", "Age");
  private static final List<String> WIDE_COLUMNS = List.of("Containers", "Images");

  @Override
  public List<String> columns() {
    return COLUMNS;
  }

  @Override
  public List<String> wideColumns() {
    return WIDE_COLUMNS;
  }

  @Override
  public List<String> row(StatefulSet set, Instant now, boolean wide) {
    List<String> cells = new ArrayList<>();
    cells.add(set.metadata().name());
    cells.add(set.status().readyReplicas() + "/" + set.spec().replicas());
    cells.add(HumanDuration.since(set.metadata().creationTimestamp(), now));
    if (wide) {
      List<Container> containers = set.spec().template().spec().containers();
      cells.add(ContainerCells.names(containers));
      cells.add(ContainerCells.images(containers));
    }
    return cells;
  }
}
