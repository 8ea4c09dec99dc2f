package io.kubenetsim.core.kubectl;

import io.kubenetsim.model.Endpoints;
import java.time.Instant;
import java.util.List;

/**
 * Prints legacy Endpoints objects as {@code kubectl get endpoints}: {@code NAME ENDPOINTS AGE}.
 *
 * <p>Follows upstream {@code printEndpoints} and {@code formatEndpoints}: ENDPOINTS lists the
 * ready addresses of every subset as {@code ip:port} for each of the subset's ports (the bare IP
 * when the subset has no ports), at most three, then {@code " + N more..."}; {@code <none>}
 * without subsets, and an empty cell when the subsets hold only not-ready addresses. The v1.33+
 * deprecation warning is the verb's business ({@link ResourceType#deprecationWarning()}).
 *
 * <pre>{@code
 * new EndpointsPrinter().row(endpoints, cluster.now(), false);
 * // [web, 10.244.1.5:8080,10.244.2.7:8080, 5m]
 * }</pre>
 */
public final class EndpointsPrinter implements ResourcePrinter<Endpoints> {

  private static final List<String> COLUMNS = List.of("Name", "Endpoints", "Age");

  @Override
  public List<String> columns() {
    return COLUMNS;
  }

  @Override
  public List<String> row(Endpoints endpoints, Instant now, boolean wide) {
    return List.of(endpoints.metadata().name(), EndpointCells.legacyEndpoints(endpoints),
        HumanDuration.since(endpoints.metadata().creationTimestamp(), now));
  }
}
