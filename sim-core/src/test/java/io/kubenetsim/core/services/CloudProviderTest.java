package io.kubenetsim.core.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.CloudProvider;
import io.kubenetsim.Cluster;
import io.kubenetsim.ClusterConfig;
import io.kubenetsim.Connection;
import io.kubenetsim.KubeSim;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.model.LoadBalancerIngress;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServiceStatus;
import io.kubenetsim.model.ServiceType;
import io.kubenetsim.net.ConnectionVerdict;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code cloudProvider(NONE)}, kube-controller-manager's {@code --cloud-provider} left empty: no
 * service controller runs, so nothing writes {@code status.loadBalancer.ingress} and a
 * LoadBalancer Service stays {@code <pending>} forever — what kind (without
 * cloud-provider-kind) and minikube (without {@code tunnel}) show. Everything that does not need
 * the cloud still works: the NodePort and ClusterIP a LoadBalancer Service always gets, and an
 * ingress some other controller (here: the manifest) wrote.
 */
class CloudProviderTest {

  private static Cluster shop(CloudProvider provider) {
    Cluster c = KubeSim.cluster().nodes(2).seed(3).cloudProvider(provider).build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(2).label("app", "web").containerPort("http", 8080)
        .create();
    c.settle();
    return c;
  }

  private static ServiceHandle loadBalancer(Cluster c) {
    return c.service("shop/front").selector("app", "web").port("http", 80, "http")
        .type(ServiceType.LOAD_BALANCER).create();
  }

  @Test
  void theSimulatedCloudIsTheDefault() {
    // Existing users keep their LoadBalancer IPs: the default is SIMULATED, and it assigns one.
    assertEquals(CloudProvider.SIMULATED, ClusterConfig.defaults().cloudProvider());
    Cluster c = shop(ClusterConfig.defaults().cloudProvider());
    ServiceHandle front = loadBalancer(c);
    c.settle();
    assertEquals(1, front.loadBalancerIngress().size(), front.toString());
  }

  @Test
  void withoutACloudALoadBalancerServiceStaysPendingForever() {
    // An hour of virtual time is far past the simulated cloud's provisioning delay; pending
    // then means nothing will ever assign an address. get and describe show it as kubectl does.
    Cluster c = shop(CloudProvider.NONE);
    ServiceHandle front = loadBalancer(c);
    c.settle();
    c.runFor(Duration.ofHours(1));
    assertEquals(List.of(), front.loadBalancerIngress(), front.toString());
    assertEquals(0, c.events().about(front.ref()).ofKind("EnsuredLoadBalancer").size());
    String row = c.kubectl("get svc front -n shop").stdout().lines().skip(1).findFirst()
        .orElseThrow();
    assertTrue(row.matches("front +LoadBalancer +10\\.[0-9.]+ +<pending> +80:3\\d{4}/TCP .*"),
        row);
    String described = c.kubectl("describe svc front -n shop").stdout();
    assertFalse(described.contains("LoadBalancer Ingress:"), described);
    assertTrue(described.contains("NodePort:"), described);
  }

  @Test
  void withoutACloudTheNodePortAndClusterIpOfALoadBalancerServiceStillCarryTraffic() {
    // What learners do on kind: reach the LoadBalancer Service through a node's NodePort.
    Cluster c = shop(CloudProvider.NONE);
    ServiceHandle front = loadBalancer(c);
    c.settle();
    String nodeIp = c.node("node-1").internalIP().orElseThrow();
    Connection viaNodePort = c.external("198.51.100.4").connect(nodeIp, front.nodePort(80));
    assertEquals(ConnectionVerdict.ESTABLISHED, viaNodePort.verdict(), viaNodePort.explain());
    Connection viaClusterIp = c.node("node-2").connect(front.clusterIP(), 80);
    assertEquals(ConnectionVerdict.ESTABLISHED, viaClusterIp.verdict(), viaClusterIp.explain());
  }

  @Test
  void withoutACloudAnIngressWrittenInTheObjectsStatusStillCounts() {
    // Another controller (MetalLB, cloud-provider-kind) would write status; a manifest carrying
    // it stands in for one. The address is kept and serves traffic like a cloud's.
    Cluster c = shop(CloudProvider.NONE);
    Service written = c.service("shop/front").selector("app", "web").port("http", 80, "http")
        .type(ServiceType.LOAD_BALANCER).build()
        .withStatus(ServiceStatus.of(List.of(LoadBalancerIngress.ip("198.51.100.7"))));
    c.apply(written);
    c.settle();
    c.runFor(Duration.ofHours(1));
    ServiceHandle front = c.getService("shop/front");
    assertEquals(List.of("198.51.100.7"), front.loadBalancerIngress());
    Connection outside = c.external("203.0.113.9").connect("198.51.100.7", 80);
    assertEquals(ConnectionVerdict.ESTABLISHED, outside.verdict(), outside.explain());
  }
}
