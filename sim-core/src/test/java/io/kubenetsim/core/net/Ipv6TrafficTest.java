package io.kubenetsim.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.KubeSim;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.net.ConnectionVerdict;
import io.kubenetsim.net.IpFamily;
import io.kubenetsim.net.PacketTrace;
import io.kubenetsim.net.Protocol;
import io.kubenetsim.net.RuleOutcome;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * IPv6 ClusterIPs in a cluster whose pods and nodes are IPv4-only, in every proxy mode. Each
 * node runs kube-proxy's IPv4 proxier alone (upstream runs one per family the node has,
 * {@code NewDualStackProxier}): a dual-stack Service is programmed through its IPv4 address,
 * whichever is primary, and an IPv6-only one not at all, as upstream's change tracker skips a
 * Service without an address of the proxier's family. A connection to an IPv6 address is
 * {@code UNREACHABLE} with a reason that says IPv6 traffic is not simulated, instead of a
 * time-out that would read as a network fault; the dumps say which family they hold.
 */
class Ipv6TrafficTest {

  private static Cluster dualStack(ProxyMode mode) {
    Cluster c = KubeSim.cluster().nodes(2).seed(17).proxyMode(mode)
        .serviceClusterIpRange("10.96.0.0/12", "fd00:10:96::/112").build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(2).label("app", "web").containerPort("http", 8080)
        .create();
    c.pod("shop/client").label("app", "client").containerPort(9000).create();
    c.applyYaml("apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\n"
        + "spec: {selector: {app: web}, ipFamilyPolicy: RequireDualStack, ipFamilies: [IPv6, "
        + "IPv4], ports: [{name: http, port: 80, targetPort: http}]}\n---\n"
        + "apiVersion: v1\nkind: Service\nmetadata: {name: v6only, namespace: shop}\n"
        + "spec: {selector: {app: web}, ipFamilies: [IPv6], ports: [{port: 81, "
        + "targetPort: http}]}\n");
    c.settle();
    return c;
  }

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void anIpv6PrimaryServiceIsReachedAtItsIpv4AddressAndNotAtItsIpv6One(ProxyMode mode) {
    Cluster c = dualStack(mode);
    ServiceHandle web = c.getService("shop/web");
    String ipv6 = web.clusterIP();
    String ipv4 = web.clusterIP(IpFamily.IPV4).orElseThrow();
    assertEquals(List.of(ipv6, ipv4), web.clusterIPs());

    Connection viaHandle = c.getPod("shop/client").connect(web, 80);
    assertEquals(ConnectionVerdict.ESTABLISHED, viaHandle.verdict(), viaHandle.explain());
    assertTrue(viaHandle.explain().contains(ipv4), viaHandle.explain());

    Connection toIpv6 = c.getPod("shop/client").connect(ipv6, 80);
    assertEquals(ConnectionVerdict.UNREACHABLE, toIpv6.verdict(), toIpv6.explain());
    assertEquals("IPv6 traffic is not simulated: pods and nodes are IPv4-only, so pod "
        + "shop/client has no route to " + ipv6 + ", the IPv6 ClusterIP of Service shop/web "
        + "(network unreachable)", toIpv6.reason());
    assertTrue(toIpv6.backend().isEmpty() && toIpv6.hops().isEmpty(), toIpv6.explain());
  }

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void theRulesHoldIpv4AddressesOnlyAndSaySo(ProxyMode mode) {
    Cluster c = dualStack(mode);
    String ipv4 = c.getService("shop/web").clusterIP(IpFamily.IPV4).orElseThrow();
    String dump = c.node("node-1").proxy().dump();
    assertTrue(dump.contains(ipv4), mode + " programs the IPv4 ClusterIP:\n" + dump);
    List<String> v6Lines = dump.lines().filter(l -> l.contains("fd00:")).toList();
    assertEquals(List.of("# IPv4 rules only: nodes are IPv4-only, so kube-proxy runs no IPv6 "
        + "proxier and IPv6 ClusterIPs (fd00:10:96::/112) get no rules; IPv6 traffic is not "
        + "simulated"), v6Lines, mode + ": no rule for an IPv6 address");
    // Port 81 is the IPv6-only Service's: no virtual server (ipvs "IP:81 rr"), no KUBE-SERVICES
    // match (iptables "--dport 81"), no map element (nftables "IP . tcp . 81 :"), no chain.
    assertFalse(dump.contains("v6only"), dump);
    assertFalse(Pattern.compile(":81 |--dport 81 |\\. 81 :").matcher(dump).find(),
        "the IPv6-only Service's port is not programmed:\n" + dump);
  }

  @ParameterizedTest
  @EnumSource(ProxyMode.class)
  void anIpv6PacketTracedThroughTheRulesMeetsNone(ProxyMode mode) {
    Cluster c = dualStack(mode);
    String client = c.getPod("shop/client").ip().orElseThrow();
    PacketTrace trace = c.node("node-1").proxy().trace(client,
        c.getService("shop/v6only").clusterIP(), 81, Protocol.TCP);
    assertEquals(RuleOutcome.UNTOUCHED, trace.outcome(), trace.explain());
    assertEquals(0, trace.rulesEvaluated());
    assertTrue(trace.matchedRules().isEmpty() && trace.candidates().isEmpty());
  }

  @Test
  void anIpv6ClientOutsideReachesNothing() {
    Cluster c = dualStack(ProxyMode.IPTABLES);
    String ipv4 = c.getService("shop/web").clusterIP(IpFamily.IPV4).orElseThrow();
    Connection conn = c.external("2001:db8::1").connect(ipv4, 80, Protocol.TCP);
    assertEquals(ConnectionVerdict.UNREACHABLE, conn.verdict(), conn.explain());
    assertEquals("IPv6 traffic is not simulated: pods and nodes are IPv4-only, so nothing in the "
        + "cluster can reach or answer the IPv6 client 2001:db8::1 (network unreachable)",
        conn.reason());
  }

  @Test
  void aSingleStackClusterDumpCarriesNoFamilyNote() {
    Cluster c = KubeSim.cluster().nodes(1).proxyMode(ProxyMode.NFTABLES).build();
    c.settle();
    assertFalse(c.node("node-1").proxy().dump().contains("IPv4 rules only"));
  }
}
