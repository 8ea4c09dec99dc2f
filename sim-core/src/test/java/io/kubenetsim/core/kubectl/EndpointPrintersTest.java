package io.kubenetsim.core.kubectl;

import static io.kubenetsim.core.kubectl.Fixtures.NOW;
import static io.kubenetsim.core.kubectl.ServiceFixtures.endpoints;
import static io.kubenetsim.core.kubectl.ServiceFixtures.notReady;
import static io.kubenetsim.core.kubectl.ServiceFixtures.ready;
import static io.kubenetsim.core.kubectl.ServiceFixtures.slice;
import static io.kubenetsim.core.kubectl.ServiceFixtures.subset;
import static io.kubenetsim.core.kubectl.ServiceFixtures.tcp;
import static io.kubenetsim.core.kubectl.ServiceFixtures.terminating;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.EndpointSubset;
import io.kubenetsim.net.Protocol;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Cells of {@code get endpoints} ({@code formatEndpoints}) and {@code get endpointslices}
 * ({@code formatDiscoveryPorts}/{@code formatDiscoveryEndpoints}), one assertion per rule: the
 * three-entry cap and its {@code + N more...} count, {@code <none>}, the empty cell, {@code
 * <unset>}, port-less subsets and IPv6 brackets.
 */
class EndpointPrintersTest {

  private static final Duration AGE = Duration.ofMinutes(5);
  private static final EndpointsPrinter ENDPOINTS = new EndpointsPrinter();
  private static final EndpointSlicePrinter SLICES = new EndpointSlicePrinter();

  private static String endpointsCell(EndpointSubset... subsets) {
    return ENDPOINTS.row(endpoints("shop", "web", AGE, subsets), NOW, false).get(1);
  }

  @Test
  void endpointsListsReadyAddressesTimesPortsUpToThree() {
    assertEquals("10.0.0.1:80,10.0.0.2:80",
        endpointsCell(subset(List.of("10.0.0.1", "10.0.0.2"), List.of("10.0.0.3"),
            tcp("", 80))));
    // Two ports × two addresses = 4 entries: port-major order, then "+ 1 more...".
    assertEquals("10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 1 more...",
        endpointsCell(subset(List.of("10.0.0.1", "10.0.0.2"), List.of(), tcp("http", 80),
            tcp("https", 443))));
    assertEquals("10.0.0.1:80,10.0.0.2:80,10.0.0.3:80",
        endpointsCell(subset(List.of("10.0.0.1", "10.0.0.2", "10.0.0.3"), List.of(),
            tcp("", 80))), "exactly three entries have no suffix");
    assertEquals("10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 2 more...",
        endpointsCell(subset(List.of("10.0.0.1", "10.0.0.2"), List.of(), tcp("", 80)),
            subset(List.of("10.0.0.3", "10.0.0.4", "10.0.0.5"), List.of(), tcp("", 80))),
        "the count spans subsets");
  }

  @Test
  void endpointsEdgeCellsNoneEmptyAndBareIps() {
    assertEquals("<none>", endpointsCell(), "no subsets");
    assertEquals("", endpointsCell(subset(List.of(), List.of("10.0.0.1"), tcp("", 80))),
        "only not-ready addresses leave the cell empty");
    assertEquals("10.0.0.1,10.0.0.2", endpointsCell(subset(List.of("10.0.0.1", "10.0.0.2"),
        List.of())), "a subset without ports lists bare IPs");
    assertEquals("[fd00::1]:80", endpointsCell(subset(List.of("fd00::1"), List.of(),
        tcp("", 80))), "IPv6 is bracketed as net.JoinHostPort does");
    assertEquals(List.of("Name", "Endpoints", "Age"), ENDPOINTS.columns(true));
    assertEquals(List.of("web", "<none>", "5m"),
        ENDPOINTS.row(endpoints("shop", "web", AGE), NOW, false));
  }

  @Test
  void sliceListsEveryAddressWhateverItsConditions() {
    List<String> row = SLICES.row(slice("shop", "web-x7k2q", "web", AGE, List.of(tcp("", 8080)),
        ready("10.0.0.1"), notReady("10.0.0.2"), terminating("10.0.0.3"), ready("10.0.0.4"),
        ready("10.0.0.5")), NOW, false);
    assertEquals(List.of("web-x7k2q", "IPv4", "8080", "10.0.0.1,10.0.0.2,10.0.0.3 + 2 more...",
        "5m"), row);
    assertEquals(List.of("Name", "AddressType", "Ports", "Endpoints", "Age"),
        SLICES.columns(true));
  }

  @Test
  void slicePortsPrintNumberThenNameThenStarAndCapAtThree() {
    List<EndpointPort> ports = List.of(tcp("http", 80),
        new EndpointPort("metrics", Optional.empty(), Protocol.TCP, ""),
        new EndpointPort("", Optional.empty(), Protocol.TCP, ""), tcp("grpc", 9090),
        tcp("admin", 9901));
    assertEquals("80,metrics,* + 2 more...", cells(ports).get(2));
    assertEquals("80,metrics,*", cells(ports.subList(0, 3)).get(2));
  }

  @Test
  void placeholderSliceIsUnsetInBothColumns() {
    List<String> row = cells(List.of());
    assertEquals("<unset>", row.get(2), "PORTS of a slice without ports");
    assertEquals("<unset>", row.get(3), "ENDPOINTS of a slice without endpoints");
  }

  private static List<String> cells(List<EndpointPort> ports, Endpoint... endpoints) {
    return SLICES.row(slice("shop", "web-x", "web", AGE, ports, endpoints), NOW, false);
  }
}
