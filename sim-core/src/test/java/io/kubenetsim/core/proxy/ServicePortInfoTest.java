package io.kubenetsim.core.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.TrafficPolicy;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link ServicePortInfo} is a class so that it can keep what follows from its parts; it must
 * still compare, hash and print as the record it was, and its cluster endpoints must be those of
 * {@link EndpointSelection} (ready ones, else serving and terminating ones).
 */
class ServicePortInfoTest {
  private static final ProxyEndpoint READY = endpoint("10.244.1.5", true, true, false);
  private static final ProxyEndpoint DRAINING = endpoint("10.244.2.5", false, true, true);
  private static final ProxyEndpoint STOPPED = endpoint("10.244.3.5", false, false, true);

  private static ProxyEndpoint endpoint(String ip, boolean ready, boolean serving,
      boolean terminating) {
    return ProxyEndpoint.of(IpAddress.parse(ip), 8080, "node-1", ready, serving, terminating);
  }

  private static ServicePortInfo port(ProxyEndpoint... endpoints) {
    return new ServicePortInfo(new ServicePortName("shop", "web", "http", Protocol.TCP),
        IpAddress.parse("10.96.0.10"), 80, 30080, ImmutableList.of(IpAddress.parse("192.0.2.1")),
        ImmutableList.of(), ImmutableList.of(Cidr.parse("203.0.113.0/24")), TrafficPolicy.LOCAL,
        TrafficPolicy.CLUSTER, Optional.of(Duration.ofSeconds(30)), 32000,
        ImmutableList.copyOf(endpoints));
  }

  @Test
  void equalPartsMakeEqualPortsThatPrintAsARecord() {
    assertEquals(port(READY), port(READY));
    assertEquals(port(READY).hashCode(), port(READY).hashCode());
    assertNotEquals(port(READY), port(DRAINING));
    assertEquals("ServicePortInfo[name=shop/web:http/TCP, clusterIP=10.96.0.10, port=80, "
        + "nodePort=30080, externalIPs=[192.0.2.1], loadBalancerIPs=[], "
        + "loadBalancerSourceRanges=[203.0.113.0/24], externalPolicy=Local, "
        + "internalPolicy=Cluster, affinityTimeout=Optional[PT30S], healthCheckNodePort=32000, "
        + "endpoints=[10.244.1.5:8080]]", port(READY).toString());
  }

  @Test
  void clusterEndpointsAreWorkedOutOnceAsEndpointSelectionDoes() {
    ServicePortInfo mixed = port(READY, DRAINING, STOPPED);
    assertEquals(List.of(READY), mixed.clusterEndpoints());
    assertSame(mixed.clusterEndpoints(), mixed.clusterEndpoints());
    assertEquals(List.of(DRAINING), port(DRAINING, STOPPED).clusterEndpoints());
    assertEquals(List.of(), port(STOPPED).clusterEndpoints());
    assertEquals(EndpointSelection.of(mixed, "node-1").cluster(), mixed.clusterEndpoints());
    assertEquals(List.of(true, true, false), List.of(port(READY).hasEndpoints(),
        port(DRAINING).hasEndpoints(), port(STOPPED).hasEndpoints()));
  }
}
