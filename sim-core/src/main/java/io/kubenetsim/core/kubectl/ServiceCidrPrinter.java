package io.kubenetsim.core.kubectl;

import io.kubenetsim.model.ServiceCIDR;
import java.time.Instant;
import java.util.List;

/**
 * Prints ServiceCIDRs as {@code kubectl get servicecidrs}: {@code NAME CIDRS AGE}, where CIDRS
 * is {@code spec.cidrs} joined with commas (primary first), as upstream {@code
 * printServiceCIDR} in {@code pkg/printers/internalversion/printers.go}. There are no wide-only
 * columns.
 *
 * <pre>{@code
 * new ServiceCidrPrinter().row(cidr, cluster.now(), false);
 * // [kubernetes, 10.96.0.0/12,fd00:10:96::/112, 3d]
 * }</pre>
 */
public final class ServiceCidrPrinter implements ResourcePrinter<ServiceCIDR> {

  private static final List<String> COLUMNS = List.of("Name", "CIDRs", "Age");

  @Override
  public List<String> columns() {
    return COLUMNS;
  }

  @Override
  public List<String> row(ServiceCIDR serviceCidr, Instant now, boolean wide) {
    return List.of(serviceCidr.metadata().name(), String.join(",", serviceCidr.cidrs()),
        HumanDuration.since(serviceCidr.metadata().creationTimestamp(), now));
  }
}
