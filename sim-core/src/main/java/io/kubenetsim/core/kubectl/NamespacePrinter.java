package io.kubenetsim.core.kubectl;

import io.kubenetsim.model.Namespace;
import java.time.Instant;
import java.util.List;

/**
 * Prints namespaces as {@code kubectl get namespaces}: {@code NAME STATUS AGE}, where STATUS is
 * {@code status.phase} ({@code Active} or {@code Terminating}), as upstream {@code
 * printNamespace} does. There are no wide-only columns.
 *
 * <pre>{@code
 * new NamespacePrinter().row(namespace, cluster.now(), false);  // [shop, Active, 2d]
 * }</pre>
 */
public final class NamespacePrinter implements ResourcePrinter<Namespace> {

  private static final List<String> COLUMNS = List.of("Name", "Status", "Age");

  @Override
  public List<String> columns() {
    return COLUMNS;
  }

  @Override
  public List<String> row(Namespace namespace, Instant now, boolean wide) {
    return List.of(namespace.metadata().name(), namespace.phase(),
        HumanDuration.since(namespace.metadata().creationTimestamp(), now));
  }
}
