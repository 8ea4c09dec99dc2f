package io.kubenetsim.core.proxy.nftables;

import static io.kubenetsim.core.proxy.nftables.NftablesFixtures.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.core.proxy.ProxyEndpoint;
import io.kubenetsim.core.proxy.ServicePortName;
import io.kubenetsim.net.Protocol;
import org.junit.jupiter.api.Test;

/** Chain names against the vectors of upstream {@code pkg/proxy/nftables/proxier_test.go}. */
class NftablesChainNamesTest {

  private static ServicePortName port(String ns, String svc) {
    return new ServicePortName(ns, svc, "p80", Protocol.TCP);
  }

  private static ProxyEndpoint endpoint(String address) {
    return ProxyEndpoint.of(ip(address), 80, "", true, true, false);
  }

  @Test
  void servicePortChains() {
    assertEquals("service-ULMVA6XW-ns1/svc1/tcp/p80",
        NftablesChainNames.service(port("ns1", "svc1")));
    assertEquals("service-42NFTM6N-ns2/svc2/tcp/p80",
        NftablesChainNames.service(port("ns2", "svc2")));
    assertEquals("external-42NFTM6N-ns2/svc2/tcp/p80",
        NftablesChainNames.external(port("ns2", "svc2")));
    assertEquals("service-4AT6LBPK-ns3/svc3/tcp/p80",
        NftablesChainNames.service(port("ns3", "svc3")));
    assertEquals("service-LAUZTJTB-ns4/svc4/tcp/p80",
        NftablesChainNames.service(port("ns4", "svc4")));
    assertEquals("firewall-HVFWP5L3-ns5/svc5/tcp/p80",
        NftablesChainNames.firewall(port("ns5", "svc5")));
  }

  @Test
  void endpointChainsAndAffinitySets() {
    assertEquals("endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80",
        NftablesChainNames.endpoint(port("ns1", "svc1"), endpoint("10.180.0.1")));
    assertEquals("endpoint-SGOXE6O3-ns2/svc2/tcp/p80__10.180.0.2/80",
        NftablesChainNames.endpoint(port("ns2", "svc2"), endpoint("10.180.0.2")));
    assertEquals("endpoint-UNZV3OEC-ns4/svc4/tcp/p80__10.180.0.4/80",
        NftablesChainNames.endpoint(port("ns4", "svc4"), endpoint("10.180.0.4")));
    assertEquals("endpoint-5RFCDDV7-ns4/svc4/tcp/p80__10.180.0.5/80",
        NftablesChainNames.endpoint(port("ns4", "svc4"), endpoint("10.180.0.5")));
    assertEquals("affinity-GTK6MW7G-ns5/svc5/tcp/p80__10.180.0.3/80",
        NftablesChainNames.affinity(port("ns5", "svc5"), endpoint("10.180.0.3")));
  }

  @Test
  void longNamesAreCutTo240WithAnEllipsis() {
    String base = NftablesChainNames.hashAndTruncate("x".repeat(300));
    assertEquals(240, base.length());
    assertTrue(base.endsWith("..."), base);
    assertEquals(9 + "ns/s/tcp/".length(), NftablesChainNames.hashAndTruncate("ns/s/tcp/").length());
  }

  @Test
  void ipv6EndpointColonsBecomeDots() {
    ProxyEndpoint v6 = ProxyEndpoint.of(ip("fd00:10::1"), 80, "", true, true, false);
    assertTrue(NftablesChainNames.endpoint(port("ns1", "svc1"), v6)
        .endsWith("-ns1/svc1/tcp/p80__fd00.10..1/80"));
  }
}
