package io.kubenetsim.core.kubectl;

import static io.kubenetsim.core.kubectl.ServiceFixtures.clusterIp;
import static io.kubenetsim.core.kubectl.ServiceFixtures.headless;
import static io.kubenetsim.core.kubectl.ServiceFixtures.notReady;
import static io.kubenetsim.core.kubectl.ServiceFixtures.port;
import static io.kubenetsim.core.kubectl.ServiceFixtures.ready;
import static io.kubenetsim.core.kubectl.ServiceFixtures.slice;
import static io.kubenetsim.core.kubectl.ServiceFixtures.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.LoadBalancerIngress;
import io.kubenetsim.model.Service;
import io.kubenetsim.net.Protocol;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The parts of {@code describe service} that golden files show only by example: the {@code
 * Endpoints:} rules of {@code formatEndpointSlices} (port-name matching, readiness, the {@code
 * + 0 more...} quirk, {@code <none>} versus empty), the annotation layout and the ingress text.
 */
class ServiceDescriberTest {

  private static final Duration AGE = Duration.ofMinutes(5);

  private static String endpointsLine(List<EndpointSlice> slices, String portName) {
    return EndpointCells.describeEndpoints(slices, portName);
  }

  @Test
  void fourthEndpointVisitedRaisesMoreEvenWhenNotReady() {
    EndpointSlice slice = slice("shop", "web-a", "web", AGE, List.of(tcp("", 8080)),
        ready("10.0.0.1"), ready("10.0.0.2"), ready("10.0.0.3"), notReady("10.0.0.4"));
    assertEquals("10.0.0.1:8080,10.0.0.2:8080,10.0.0.3:8080 + 0 more...",
        endpointsLine(List.of(slice), ""));
  }

  @Test
  void moreCountsOnlyReadyEndpointsAndNotReadyOnesBeforeTheFourthDoNotRaiseIt() {
    EndpointSlice five = slice("shop", "web-a", "web", AGE, List.of(tcp("", 8080)),
        ready("10.0.0.1"), ready("10.0.0.2"), ready("10.0.0.3"), notReady("10.0.0.4"),
        ready("10.0.0.5"));
    assertEquals("10.0.0.1:8080,10.0.0.2:8080,10.0.0.3:8080 + 1 more...",
        endpointsLine(List.of(five), ""));
    EndpointSlice notReadyFirst = slice("shop", "web-a", "web", AGE, List.of(tcp("", 8080)),
        notReady("10.0.0.4"), ready("10.0.0.1"), ready("10.0.0.2"), ready("10.0.0.3"));
    assertEquals("10.0.0.1:8080,10.0.0.2:8080,10.0.0.3:8080",
        endpointsLine(List.of(notReadyFirst), ""));
  }

  @Test
  void onlySlicePortsNamedLikeTheServicePortCount() {
    EndpointSlice slice = slice("shop", "api-a", "api", AGE,
        List.of(tcp("http", 8080), tcp("grpc", 9090)), ready("10.0.0.1"));
    assertEquals("10.0.0.1:8080", endpointsLine(List.of(slice), "http"));
    assertEquals("10.0.0.1:9090", endpointsLine(List.of(slice), "grpc"));
    assertEquals("", endpointsLine(List.of(slice), "admin"), "slices exist, none match");
  }

  @Test
  void noSlicesIsNoneAndSlicesWithoutReadyEndpointsAreEmpty() {
    assertEquals("<none>", endpointsLine(List.of(), ""));
    EndpointSlice placeholder = slice("shop", "web-a", "web", AGE, List.of());
    assertEquals("", endpointsLine(List.of(placeholder), ""));
    EndpointSlice unready = slice("shop", "web-a", "web", AGE, List.of(tcp("", 80)),
        notReady("10.0.0.1"));
    assertEquals("", endpointsLine(List.of(unready), ""));
  }

  @Test
  void sliceWithoutPortsListsBareIpsForAnyServicePort() {
    EndpointSlice slice = slice("shop", "web-a", "web", AGE, List.of(), ready("10.0.0.1"),
        ready("10.0.0.2"));
    assertEquals("10.0.0.1,10.0.0.2", endpointsLine(List.of(slice), "http"));
  }

  @Test
  void headlessServiceWithoutPortsHasNoPortOrEndpointsLines() {
    Service peers = headless(clusterIp("shop", "peers", "None", AGE));
    String text = ServiceDescriber.describe(peers, List.of(
        slice("shop", "peers-a", "peers", AGE, List.of(), ready("10.0.0.1"))));
    assertFalse(text.contains("Port:"), text);
    assertFalse(text.contains("Endpoints:"), text);
    assertTrue(text.matches("(?s).*\nIP: +None\nIPs: +None\n.*"), text);
  }

  @Test
  void annotationsAreSortedSkipLastAppliedAndWrapLongValues() {
    Service web = clusterIp("shop", "web", "10.96.0.20", AGE, port("", 80, Protocol.TCP, 80, 0));
    String longValue = "x".repeat(150);
    web = web.withMetadata(web.metadata().withAnnotations(Map.of(
        "b.example/short", "yes",
        "a.example/long", longValue,
        DescribeWriter.LAST_APPLIED, "{}")));
    String text = ServiceDescriber.describe(web, List.of());
    assertTrue(text.contains("Annotations:              a.example/long:\n"
        + "                            " + "x".repeat(138) + "...\n"
        + "                          b.example/short: yes\n"), text);
    assertFalse(text.contains("last-applied"), text);
  }

  @Test
  void ingressPrintsIpWithModeOrHostnameInGivenOrder() {
    assertEquals("203.0.113.10 (VIP), lb.example.com, 203.0.113.9",
        ServiceDescriber.ingressText(List.of(LoadBalancerIngress.ip("203.0.113.10"),
            new LoadBalancerIngress("", "lb.example.com", ""),
            new LoadBalancerIngress("203.0.113.9", "", ""))));
  }
}
