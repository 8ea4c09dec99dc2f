package io.kubenetsim.core.kubectl;

import io.kubenetsim.model.EndpointSlice;
import java.time.Instant;
import java.util.List;

/**
 * Prints EndpointSlices as {@code kubectl get endpointslices}: {@code NAME ADDRESSTYPE PORTS
 * ENDPOINTS AGE}.
 *
 * <p>Follows upstream {@code printEndpointSlice}: PORTS lists the port numbers (a port's name
 * when it has no number, {@code *} when it has neither); ENDPOINTS lists the addresses of all
 * endpoints whatever their conditions; both show at most three entries, then {@code " + N
 * more..."}, and print {@code <unset>} when empty — so a placeholder slice shows {@code <unset>}
 * in both.
 *
 * <pre>{@code
 * new EndpointSlicePrinter().row(slice, cluster.now(), false);
 * // [web-x7k2q, IPv4, 8080, 10.244.1.5,10.244.2.7, 5m]
 * }</pre>
 */
public final class EndpointSlicePrinter implements ResourcePrinter<EndpointSlice> {

  private static final List<String> COLUMNS =
      List.of("Name", "AddressType", "Ports", "Endpoints", "Age");

  @Override
  public List<String> columns() {
    return COLUMNS;
  }

  @Override
  public List<String> row(EndpointSlice slice, Instant now, boolean wide) {
    return List.of(slice.metadata().name(), slice.addressType(),
        EndpointCells.slicePorts(slice.ports()), EndpointCells.sliceAddresses(slice.endpoints()),
        HumanDuration.since(slice.metadata().creationTimestamp(), now));
  }
}
