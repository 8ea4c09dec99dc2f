package io.kubenetsim.core.store.validation;

import static io.kubenetsim.core.store.validation.ServiceValidationTest.set;
import static io.kubenetsim.core.store.validation.Services.DUAL_STACK;
import static io.kubenetsim.core.store.validation.Services.defaulted;
import static io.kubenetsim.core.store.validation.Services.manifest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.LoadBalancerIngress;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.ServiceSpec;
import io.kubenetsim.model.ServiceStatus;
import io.kubenetsim.net.IpFamily;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the API server fills before validating a new Service ({@code SetDefaults_Service},
 * {@code normalizeClusterIPs}, {@code initIPFamilyFields}), each default checked on its own,
 * and idempotence over every kind of Service.
 */
class ServiceDefaultsTest {

  @Test
  void aBareManifestGetsUpstreamsDefaults() {
    ServiceSpec spec = defaulted(b -> b).spec();
    assertEquals("ClusterIP", spec.type());
    assertEquals("None", spec.sessionAffinity());
    assertEquals(Optional.empty(), spec.sessionAffinityTimeoutSeconds());
    assertEquals("", spec.externalTrafficPolicy(), "not externally accessible");
    assertEquals("Cluster", spec.internalTrafficPolicy());
    assertEquals(Optional.empty(), spec.allocateLoadBalancerNodePorts());
    assertEquals("SingleStack", spec.ipFamilyPolicy());
    assertEquals(List.of("IPv4"), spec.ipFamilies());
    assertEquals(List.of(), spec.clusterIPs(), "nothing is allocated by defaulting");
  }

  @Test
  void sessionAffinityDefaults() {
    ServiceSpec none = defaulted(b -> set(b, () ->
        b.sessionAffinityTimeoutSeconds = Optional.of(60))).spec();
    assertEquals(Optional.empty(), none.sessionAffinityTimeoutSeconds(), "cleared for None");
    ServiceSpec clientIp = defaulted(b -> set(b, () -> b.sessionAffinity = "ClientIP")).spec();
    assertEquals(Optional.of(10800), clientIp.sessionAffinityTimeoutSeconds());
    ServiceSpec given = defaulted(b -> set(b, () -> {
      b.sessionAffinity = "ClientIP";
      b.sessionAffinityTimeoutSeconds = Optional.of(60);
    })).spec();
    assertEquals(Optional.of(60), given.sessionAffinityTimeoutSeconds());
  }

  @Test
  void anUnsetTargetPortBecomesThePort() {
    ServiceSpec spec = defaulted(b -> set(b, () -> b.ports = List.of(
        ServicePort.of("a", 80, IntOrString.of(0)), ServicePort.of("b", 81, IntOrString.of("")),
        ServicePort.of("c", 82, IntOrString.of("web"))))).spec();
    assertEquals(List.of(IntOrString.of(80), IntOrString.of(81), IntOrString.of("web")),
        spec.ports().stream().map(ServicePort::targetPort).toList());
  }

  @Test
  void trafficPoliciesFollowTheType() {
    assertEquals("Cluster", defaulted(b -> set(b, () -> b.type = "NodePort")).spec()
        .externalTrafficPolicy());
    assertEquals("Cluster", defaulted(b -> set(b, () -> b.externalIPs = List.of("203.0.113.7")))
        .spec().externalTrafficPolicy(), "ClusterIP with externalIPs is externally accessible");
    assertEquals("Local", defaulted(b -> set(b, () -> {
      b.type = "LoadBalancer";
      b.externalTrafficPolicy = "Local";
    })).spec().externalTrafficPolicy(), "a given value stays");
    ServiceSpec externalName = defaulted(b -> set(b, () -> {
      b.type = "ExternalName";
      b.externalName = "db.example.com";
    })).spec();
    assertEquals("", externalName.internalTrafficPolicy());
    assertEquals("", externalName.ipFamilyPolicy());
    assertEquals(List.of(), externalName.ipFamilies());
  }

  @Test
  void aLoadBalancerAllocatesNodePortsByDefaultAndItsIngressIsAVip() {
    Service lb = manifest(b -> set(b, () -> b.type = "LoadBalancer"))
        .withStatus(ServiceStatus.of(List.of(new LoadBalancerIngress("203.0.113.9", "", ""))));
    Service defaulted = ServiceDefaults.apply(lb);
    assertEquals(Optional.of(true), defaulted.spec().allocateLoadBalancerNodePorts());
    assertEquals("VIP", defaulted.status().loadBalancerIngress().get(0).ipMode());
  }

  @Test
  void clusterIpsFollowClusterIpAndFamiliesFollowClusterIps() {
    ServiceSpec spec = defaulted(b -> set(b, () -> b.clusterIP = "10.96.0.50")).spec();
    assertEquals(List.of("10.96.0.50"), spec.clusterIPs());
    assertEquals(List.of("IPv4"), spec.ipFamilies());
  }

  @Test
  void headlessFamilies() {
    // Headless with a selector is single-stack; without one, upstream assumes the hand-written
    // endpoints may be of either family and asks for both, on any cluster.
    ServiceSpec withSelector = defaulted(b -> set(b, () -> b.clusterIP = "None")).spec();
    assertEquals(List.of("None"), withSelector.clusterIPs());
    assertEquals("SingleStack", withSelector.ipFamilyPolicy());
    assertEquals(List.of("IPv4"), withSelector.ipFamilies());
    ServiceSpec selectorless = defaulted(b -> set(b, () -> {
      b.clusterIP = "None";
      b.selector = Map.of();
    })).spec();
    assertEquals("RequireDualStack", selectorless.ipFamilyPolicy());
    assertEquals(List.of("IPv4", "IPv6"), selectorless.ipFamilies());
  }

  @Test
  void aDualStackClusterAddsTheSecondFamilyOnlyWhenAsked() {
    Service single = ServiceDefaults.apply(manifest(), DUAL_STACK.ipFamilies());
    assertEquals(List.of("IPv4"), single.spec().ipFamilies());
    Service prefer = ServiceDefaults.apply(manifest(b -> set(b, () ->
        b.ipFamilyPolicy = "PreferDualStack")), DUAL_STACK.ipFamilies());
    assertEquals(List.of("IPv4", "IPv6"), prefer.spec().ipFamilies());
    Service ipv6First = ServiceDefaults.apply(manifest(),
        List.of(IpFamily.IPV6, IpFamily.IPV4));
    assertEquals(List.of("IPv6"), ipv6First.spec().ipFamilies());
  }

  @Test
  void applyIsIdempotent() {
    List<Service> manifests = List.of(
        manifest(),
        manifest(b -> set(b, () -> b.type = "NodePort")),
        manifest(b -> set(b, () -> {
          b.type = "LoadBalancer";
          b.externalTrafficPolicy = "Local";
          b.sessionAffinity = "ClientIP";
        })),
        manifest(b -> set(b, () -> {
          b.type = "ExternalName";
          b.externalName = "db.example.com";
        })),
        manifest(b -> set(b, () -> b.clusterIP = "None")),
        manifest(b -> set(b, () -> {
          b.clusterIP = "None";
          b.selector = Map.of();
        })),
        manifest(b -> set(b, () -> b.clusterIP = "fd00::5")),
        manifest(b -> set(b, () -> b.clusterIP = "10.96.0.300")),
        manifest(b -> set(b, () -> b.type = "Foo")));
    for (Service manifest : manifests) {
      Service once = ServiceDefaults.apply(manifest);
      assertEquals(once, ServiceDefaults.apply(once), manifest.toString());
      Service dual = ServiceDefaults.apply(manifest, DUAL_STACK.ipFamilies());
      assertEquals(dual, ServiceDefaults.apply(dual, DUAL_STACK.ipFamilies()),
          manifest.toString());
    }
  }

  @Test
  void clusterFamiliesMustBeOneOrTwoDifferentOnes() {
    assertThrows(IllegalArgumentException.class,
        () -> ServiceDefaults.apply(manifest(), List.of()));
    assertThrows(IllegalArgumentException.class,
        () -> ServiceDefaults.apply(manifest(), List.of(IpFamily.IPV4, IpFamily.IPV4)));
  }
}
