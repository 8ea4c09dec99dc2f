package io.kubenetsim.core.proxy.iptables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.core.proxy.ProxyEndpoint;
import io.kubenetsim.core.proxy.ServicePortName;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import org.junit.jupiter.api.Test;

/**
 * Chain names must equal kube-proxy's byte for byte, or dumps and traces would not line up with
 * real clusters. The vectors are the reference's §5.2 list and chain names from upstream's
 * proxier_test.go expectations.
 */
class ChainNamesTest {

  private static ServicePortName name(String ns, String svc, String port, Protocol protocol) {
    return new ServicePortName(ns, svc, port, protocol);
  }

  private static ProxyEndpoint endpoint(String ip, int port) {
    return ProxyEndpoint.of(IpAddress.parse(ip), port, "", true, true, false);
  }

  @Test
  void servicePortChainsMatchUpstreamVectors() {
    assertEquals("KUBE-SVC-NPX46M4PTMTKRN6Y",
        ChainNames.service(name("default", "kubernetes", "https", Protocol.TCP)));
    assertEquals("KUBE-SVC-TCOU7JCQXEZGVUNU",
        ChainNames.service(name("kube-system", "kube-dns", "dns", Protocol.UDP)));
    assertEquals("KUBE-SVC-ERIFXISQEP7F7OF4",
        ChainNames.service(name("kube-system", "kube-dns", "dns-tcp", Protocol.TCP)));
    assertEquals("KUBE-SVC-JD5MR3NA4I4DYORP",
        ChainNames.service(name("kube-system", "kube-dns", "metrics", Protocol.TCP)));
    assertEquals("KUBE-SVC-XPGD46QRK7WJZT7O",
        ChainNames.service(name("ns1", "svc1", "p80", Protocol.TCP)));
    assertEquals("KUBE-SVC-GNZBNJ2PO5MGZ6GT",
        ChainNames.service(name("ns2", "svc2", "p80", Protocol.TCP)));
  }

  @Test
  void localExternalAndFirewallChainsShareTheServiceHash() {
    ServicePortName port = name("ns5", "svc5", "p80", Protocol.TCP);
    assertEquals("KUBE-SVC-NUKIZ6OKUXPJNT4C", ChainNames.service(port));
    assertEquals("KUBE-SVL-NUKIZ6OKUXPJNT4C", ChainNames.serviceLocal(port));
    assertEquals("KUBE-EXT-NUKIZ6OKUXPJNT4C", ChainNames.external(port));
    assertEquals("KUBE-FW-NUKIZ6OKUXPJNT4C", ChainNames.firewall(port));
  }

  @Test
  void endpointChainsHashPortNameProtocolAndHostPort() {
    assertEquals("KUBE-SEP-SXIVWICOYRO3J4NJ", ChainNames.endpoint(
        name("ns1", "svc1", "p80", Protocol.TCP), endpoint("10.180.0.1", 80)));
    assertEquals("KUBE-SEP-C6EBXVWJJZMIWKLZ", ChainNames.endpoint(
        name("ns4", "svc4", "p80", Protocol.TCP), endpoint("10.180.0.5", 80)));
    assertEquals("KUBE-SEP-UKSFD7AGPMPPLUHC", ChainNames.endpoint(
        name("ns4", "svc4", "p80", Protocol.TCP), endpoint("10.180.0.4", 80)));
    // The same address under two service ports gets two chains.
    assertEquals("KUBE-SEP-OYPFS5VJICHGATKP", ChainNames.endpoint(
        name("ns3", "svc3", "p80", Protocol.TCP), endpoint("10.180.0.3", 80)));
    assertEquals("KUBE-SEP-I77PXRDZVX7PMWMN", ChainNames.endpoint(
        name("ns5", "svc5", "p80", Protocol.TCP), endpoint("10.180.0.3", 80)));
  }
}
