package io.kubenetsim.core.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.core.ServiceInternals;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.manifest.ValidationException;
import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.ServiceType;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * NodePort Services: node ports from 30000-32767 with upstream's static band (KEP-3668: the
 * first 86 ports, 30000–30085, kept for requested ports), requested ports, upstream's errors at
 * {@code spec.ports[i].nodePort} with nothing changed, one node port shared by 53/UDP and
 * 53/TCP, and release on delete and on a type change to ClusterIP.
 */
class NodePortServiceTest {
  private Cluster c;

  @BeforeEach
  void shopWithThreeWebPods() {
    c = KubeSim.cluster().nodes(3).seed(42).build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(3).label("app", "web").containerPort("http", 8080)
        .create();
    c.settle();
  }

  private ServiceHandle nodePortService(String name, int nodePort) {
    return c.service("shop/" + name).selector("app", "web").port(80).nodePort(nodePort)
        .type(ServiceType.NODE_PORT).create();
  }

  @Test
  void dynamicNodePortsComeFromTheUpperBand() {
    // 40 automatic picks: all distinct, all in 30086–32767, never in the static band.
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 40; i++) {
      int port = c.service("shop/np-" + i).selector("app", "web").port(80)
          .type(ServiceType.NODE_PORT).create().nodePort(80);
      assertTrue(port >= 30086 && port <= 32767, port + " is not in the dynamic band");
      assertTrue(seen.add(port), port + " handed out twice");
    }
    assertEquals(40, ServiceInternals.nodePortCount(c));
  }

  @Test
  void aRequestedNodePortIsHonoured() {
    ServiceHandle svc = nodePortService("web", 30007);
    assertEquals(30007, svc.nodePort(80));
    assertEquals(1, ServiceInternals.nodePortCount(c));
    assertTrue(svc.clusterIP().startsWith("10."), "a NodePort Service has a cluster IP too");
  }

  @Test
  void aTakenNodePortIsRejectedAndTheClusterIpOfTheFailedCreateIsGivenBack() {
    // Proves the transaction: the second create allocated a ClusterIP before its node port
    // failed; the snapshot (which includes both allocator counts) shows it was reverted.
    nodePortService("first", 30007);
    FieldError e = rejectedOnce(cluster -> cluster.service("shop/second")
        .selector("app", "web").port(80).nodePort(30007).type(ServiceType.NODE_PORT).create());
    assertEquals("spec.ports[0].nodePort: Invalid value: 30007: provided port is already "
        + "allocated", e.toString());
  }

  @Test
  void aNodePortOutOfRangeIsRejectedAtItsOwnIndex() {
    FieldError e = rejectedOnce(cluster -> cluster.service("shop/x").selector("app", "web")
        .port("http", 80, 8080).nodePort(30080).port("admin", 81, 8081).nodePort(29999)
        .type(ServiceType.NODE_PORT).create());
    assertEquals("spec.ports[1].nodePort: Invalid value: 29999: provided port is not in the "
        + "valid range. The range of valid ports is 30000-32767", e.toString());
  }

  @Test
  void theSamePortNumberOverUdpAndTcpSharesOneNodePort() {
    // As kube-dns's 53/UDP and 53/TCP: one node port for both, allocated once.
    ServiceHandle dns = c.service("shop/dns").selector("app", "web")
        .port(new ServicePort("dns", Protocol.UDP, "", 53, IntOrString.of(53), 0))
        .port(new ServicePort("dns-tcp", Protocol.TCP, "", 53, IntOrString.of(53), 0))
        .port("metrics", 9153, 9153).type(ServiceType.NODE_PORT).create();
    assertEquals(dns.nodePort("dns"), dns.nodePort("dns-tcp"));
    assertNotEquals(dns.nodePort("dns"), dns.nodePort("metrics"));
    assertEquals(2, ServiceInternals.nodePortCount(c), "two distinct node ports allocated");

    // Asking for the same port on both explicitly is legal as well.
    ServiceHandle pinned = c.service("shop/dns2").selector("app", "web")
        .port(new ServicePort("dns", Protocol.UDP, "", 53, IntOrString.of(53), 30053))
        .port(new ServicePort("dns-tcp", Protocol.TCP, "", 53, IntOrString.of(53), 30053))
        .type(ServiceType.NODE_PORT).create();
    assertEquals(30053, pinned.nodePort("dns-tcp"));
    assertEquals(3, ServiceInternals.nodePortCount(c));
  }

  @Test
  void deletingTheServiceReleasesItsNodePorts() {
    ServiceHandle svc = nodePortService("web", 30007);
    svc.delete();
    assertEquals(0, ServiceInternals.nodePortCount(c));
    assertEquals(30007, nodePortService("again", 30007).nodePort(80), "30007 is free again");
  }

  @Test
  void changingTheTypeToClusterIpReleasesTheNodePorts() {
    // A user re-applies the Service as a ClusterIP one (as a manifest without nodePort would
    // say it): the API server drops the node ports and frees them; the ClusterIP stays.
    ServiceHandle svc = nodePortService("web", 30007);
    Service stored = svc.get();
    String clusterIP = stored.spec().clusterIP();
    Service asClusterIp = stored.withSpec(stored.spec().with(b -> {
      b.type = "ClusterIP";
      b.externalTrafficPolicy = "";
      b.ports = b.ports.stream().map(p -> p.withNodePort(0)).toList();
      return b;
    }));
    c.apply(asClusterIp);
    assertEquals("ClusterIP", svc.get().spec().type());
    assertEquals(0, svc.get().spec().ports().get(0).nodePort(), svc.get().toString());
    assertEquals(0, ServiceInternals.nodePortCount(c), "30007 should be released");
    assertEquals(clusterIP, svc.clusterIP(), "the cluster IP is kept across the change");
    assertEquals(30007, nodePortService("again", 30007).nodePort(80));
  }

  @Test
  void theEndpointsDoNotDependOnTheType() {
    ServiceHandle svc = c.expose("shop/web").port(80).targetPort("http")
        .type(ServiceType.NODE_PORT).create();
    c.settle();
    List<HostPort> expected = c.pods("shop", "app=web").stream().filter(PodHandle::isReady)
        .map(p -> HostPort.of(IpAddress.parse(p.ip().orElseThrow()), 8080))
        .sorted(HostPort.BY_TEXT).toList();
    assertEquals(3, expected.size());
    assertEquals(expected, svc.endpoints(), ServiceInternals.context(c));
    assertTrue(svc.loadBalancerIngress().isEmpty());
    assertFalse(svc.get().spec().ports().get(0).nodePort() == 0);
  }

  private FieldError rejectedOnce(Consumer<Cluster> write) {
    ClusterSnapshot before = ClusterSnapshot.of(c);
    ValidationException e = assertThrows(ValidationException.class, () -> write.accept(c));
    assertEquals(before, ClusterSnapshot.of(c), "a rejected write changed the cluster");
    assertEquals(1, e.errors().size(), e.getMessage());
    return e.errors().get(0);
  }
}
