package io.kubenetsim.core.kubectl;

import io.kubenetsim.model.NetworkPolicy;
import java.time.Instant;
import java.util.List;

/**
 * Prints NetworkPolicies as {@code kubectl get networkpolicies}: {@code NAME POD-SELECTOR AGE},
 * as upstream {@code printNetworkPolicy} ({@code pkg/printers/internalversion/printers.go})
 * does: POD-SELECTOR is {@code metav1.FormatLabelSelector} of {@code spec.podSelector}, so
 * {@code <none>} for the empty selector that selects every pod of the namespace. There are no
 * wide-only columns.
 *
 * <pre>{@code
 * new NetworkPolicyPrinter().row(policy, cluster.now(), false);  // [allow-80, pod=a, 5m]
 * }</pre>
 */
public final class NetworkPolicyPrinter implements ResourcePrinter<NetworkPolicy> {

  private static final List<String> COLUMNS = List.of("Name", "Pod-Selector", "Age");

  @Override
  public List<String> columns() {
    return COLUMNS;
  }

  @Override
  public List<String> row(NetworkPolicy policy, Instant now, boolean wide) {
    return List.of(policy.metadata().name(),
        ContainerCells.selectorOrNone(policy.spec().podSelector()),
        HumanDuration.since(policy.metadata().creationTimestamp(), now));
  }
}
