package io.kubenetsim.core.store.validation;

import static io.kubenetsim.core.store.validation.Errors.assertLines;
import static io.kubenetsim.core.store.validation.Errors.assertRules;
import static io.kubenetsim.core.store.validation.ServiceValidationTest.set;
import static io.kubenetsim.core.store.validation.Services.DUAL_STACK;
import static io.kubenetsim.core.store.validation.Services.SINGLE_STACK;
import static io.kubenetsim.core.store.validation.Services.created;
import static io.kubenetsim.core.store.validation.Services.manifest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.LoadBalancerIngress;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.ServiceSpec;
import io.kubenetsim.model.ServiceStatus;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Updates: allocations carried over when a manifest is re-applied without them, fields wiped
 * on a type change ({@code dropTypeDependentFields}), and the immutability rules. Each test
 * prepares the update as the store will ({@code applyUpdate}) and validates the result.
 */
class ServiceUpdateTest {

  private static Service update(Service stored, UnaryOperator<ServiceSpec.Builder> change) {
    return ServiceDefaults.applyUpdate(stored, stored.withSpec(stored.spec().with(change)));
  }

  @Test
  void reapplyingTheManifestKeepsWhatWasAllocated() {
    Service stored = created(b -> set(b, () -> b.type = "NodePort"));
    Service reapplied = ServiceDefaults.applyUpdate(stored,
        manifest(b -> set(b, () -> b.type = "NodePort")));
    assertEquals("10.96.100.1", reapplied.spec().clusterIP());
    assertEquals(List.of("10.96.100.1"), reapplied.spec().clusterIPs());
    assertEquals(30001, reapplied.spec().ports().get(0).nodePort());
    assertEquals(stored.spec(), reapplied.spec());
    assertLines(SINGLE_STACK.validateUpdate(stored, reapplied));
  }

  @Test
  void nodePortsAreCarriedByPortNameNotNumber() {
    Service stored = created(b -> set(b, () -> {
      b.type = "NodePort";
      b.ports = Services.ports(2);
    }));
    Service renumbered = ServiceDefaults.applyUpdate(stored, manifest(b -> set(b, () -> {
      b.type = "NodePort";
      b.ports = List.of(ServicePort.of("a", 8000, IntOrString.of(80)),
          ServicePort.of("z", 81, IntOrString.of(81)));
    })));
    assertEquals(List.of(30001, 0), renumbered.spec().ports().stream()
        .map(ServicePort::nodePort).toList(), "a keeps its nodePort; renamed z waits for one");
    Service moved = ServiceDefaults.applyUpdate(stored, manifest(b -> set(b, () -> {
      b.type = "NodePort";
      b.ports = List.of(Services.ports(2).get(0).withNodePort(30002), Services.ports(2).get(1));
    })));
    assertEquals(List.of(30002, 0), moved.spec().ports().stream()
        .map(ServicePort::nodePort).toList(), "a value kept elsewhere is not handed out twice");
  }

  @Test
  void aHealthCheckNodePortIsCarriedWhileStillNeeded() {
    UnaryOperator<ServiceSpec.Builder> localLb = b -> set(b, () -> {
      b.type = "LoadBalancer";
      b.externalTrafficPolicy = "Local";
    });
    Service stored = created(localLb);
    Service reapplied = ServiceDefaults.applyUpdate(stored, manifest(localLb));
    assertEquals(32000, reapplied.spec().healthCheckNodePort());
    assertLines(SINGLE_STACK.validateUpdate(stored, reapplied));
  }

  @Test
  void leavingNodePortWipesUnchangedNodePortsAndTrafficPolicy() {
    // kubectl edit: only the type changes, every allocated value is still in the spec.
    Service stored = created(b -> set(b, () -> b.type = "NodePort"));
    Service edited = update(stored, b -> set(b, () -> b.type = "ClusterIP"));
    assertEquals(0, edited.spec().ports().get(0).nodePort());
    assertEquals("", edited.spec().externalTrafficPolicy());
    assertEquals("10.96.100.1", edited.spec().clusterIP());
    assertLines(SINGLE_STACK.validateUpdate(stored, edited));
  }

  @Test
  void aNewNodePortInTheSameChangeIsNotWipedAndIsForbidden() {
    Service stored = created(b -> set(b, () -> b.type = "NodePort"));
    Service edited = update(stored, b -> set(b, () -> {
      b.type = "ClusterIP";
      b.ports = List.of(b.ports.get(0).withNodePort(30999));
    }));
    var errors = SINGLE_STACK.validateUpdate(stored, edited);
    assertLines(errors,
        "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'");
    assertRules(errors, "service.port.node-port.forbidden");
  }

  @Test
  void leavingALocalLoadBalancerWipesItsFieldsAndStatus() {
    Service stored = created(b -> set(b, () -> {
      b.type = "LoadBalancer";
      b.externalTrafficPolicy = "Local";
      b.loadBalancerClass = "example.com/lb";
    })).withStatus(ServiceStatus.of(List.of(LoadBalancerIngress.ip("203.0.113.9"))));
    Service edited = update(stored, b -> set(b, () -> b.type = "ClusterIP"));
    ServiceSpec spec = edited.spec();
    assertEquals(0, spec.healthCheckNodePort());
    assertEquals(Optional.empty(), spec.allocateLoadBalancerNodePorts());
    assertEquals("", spec.loadBalancerClass());
    assertEquals("", spec.externalTrafficPolicy());
    assertEquals(ServiceStatus.empty(), edited.status());
    assertLines(SINGLE_STACK.validateUpdate(stored, edited));
  }

  @Test
  void toExternalNameWipesUnchangedClusterIpFields() {
    Service stored = created(b -> b);
    Service edited = update(stored, b -> set(b, () -> {
      b.type = "ExternalName";
      b.externalName = "db.example.com";
    }));
    assertEquals("", edited.spec().clusterIP());
    assertEquals(List.of(), edited.spec().clusterIPs());
    assertEquals(List.of(), edited.spec().ipFamilies());
    assertEquals("", edited.spec().ipFamilyPolicy());
    assertLines(SINGLE_STACK.validateUpdate(stored, edited));
    // A clusterIP changed in the same edit is the user's and stays, so it is forbidden.
    Service changed = update(stored, b -> set(b, () -> {
      b.type = "ExternalName";
      b.externalName = "db.example.com";
      b.clusterIP = "10.96.100.2";
      b.clusterIPs = List.of("10.96.100.2");
    }));
    assertLines(SINGLE_STACK.validateUpdate(stored, changed),
        "spec.clusterIPs: Forbidden: may not be set for ExternalName services");
  }

  @Test
  void clusterIpsMayNotChangeOnceSet() {
    Service stored = created(b -> b);
    Service moved = ServiceDefaults.applyUpdate(stored,
        manifest(b -> set(b, () -> b.clusterIP = "10.96.100.2")));
    assertEquals(List.of("10.96.100.2"), moved.spec().clusterIPs(), "follows clusterIP");
    var errors = SINGLE_STACK.validateUpdate(stored, moved);
    assertLines(errors,
        "spec.clusterIPs[0]: Invalid value: [\"10.96.100.2\"]: may not change once set");
    assertRules(errors, "service.update.cluster-ips-changed");
  }

  @Test
  void ipFamilyChangeRulesAsWrittenUpstream() {
    // Reached only when the family stage lets the change through, so checked directly.
    ServiceSpec old = created(b -> b).spec();
    ServiceSpec swapped = old.with(b -> set(b, () -> b.ipFamilies = List.of("IPv6")));
    assertLines(ServiceClusterIpRules.upgradeDowngrade(old, swapped),
        "spec.ipFamilies[0]: Invalid value: [\"IPv6\"]: may not change once set");
    ServiceSpec unset = old.with(b -> set(b, () -> {
      b.clusterIP = "";
      b.clusterIPs = List.of();
    }));
    assertLines(ServiceClusterIpRules.upgradeDowngrade(old, unset),
        "spec.clusterIPs[0]: Invalid value: null: primary clusterIP can not be unset");
  }

  @Test
  void releasingTheSecondFamilyNeedsSingleStack() {
    Service stored = ServiceDefaults.apply(manifest(b -> set(b, () ->
        b.ipFamilyPolicy = "RequireDualStack")), DUAL_STACK.ipFamilies());
    stored = stored.withSpec(stored.spec().with(b -> set(b, () -> {
      b.clusterIP = "10.96.100.1";
      b.clusterIPs = List.of("10.96.100.1", "fd00:10:96::1");
    })));
    Service dropped = stored.withSpec(stored.spec().with(b -> set(b, () -> {
      b.clusterIPs = List.of("10.96.100.1");
      b.ipFamilies = List.of("IPv4");
    })));
    var errors = DUAL_STACK.validateUpdate(stored, dropped);
    assertLines(errors,
        "spec.ipFamilyPolicy: Invalid value: \"RequireDualStack\": must be 'SingleStack' to"
            + " release the secondary cluster IP",
        "spec.ipFamilyPolicy: Invalid value: \"RequireDualStack\": must be 'SingleStack' to"
            + " release the secondary IP family");
    // Saying SingleStack is enough: the unchanged second IP and family are trimmed for you.
    Service single = ServiceDefaults.applyUpdate(stored, stored.withSpec(stored.spec().with(b ->
        set(b, () -> b.ipFamilyPolicy = "SingleStack"))), DUAL_STACK.ipFamilies());
    assertEquals(List.of("10.96.100.1"), single.spec().clusterIPs());
    assertLines(DUAL_STACK.validateUpdate(stored, single));
  }

  @Test
  void loadBalancerClassAndHealthCheckNodePortAreFrozen() {
    Service stored = created(b -> set(b, () -> {
      b.type = "LoadBalancer";
      b.externalTrafficPolicy = "Local";
      b.loadBalancerClass = "example.com/a";
    }));
    Service edited = update(stored, b -> set(b, () -> {
      b.loadBalancerClass = "example.com/b";
      b.healthCheckNodePort = 32001;
    }));
    var errors = SINGLE_STACK.validateUpdate(stored, edited);
    assertLines(errors,
        "spec.loadBalancerClass: Invalid value: \"example.com/b\": may not change once set",
        "spec.healthCheckNodePort: Forbidden: field is immutable");
    assertRules(errors, "service.update.load-balancer-class-changed",
        "service.update.health-check-node-port-changed");
    Service cleared = update(stored, b -> set(b, () -> b.loadBalancerClass = ""));
    assertLines(SINGLE_STACK.validateUpdate(stored, cleared),
        "spec.loadBalancerClass: Invalid value: null: may not change once set");
  }

  @Test
  void metadataStaysImmutable() {
    Service stored = created(b -> b);
    Service renamed = stored.withMetadata(stored.metadata().withName("api"));
    assertLines(SINGLE_STACK.validateUpdate(stored, renamed),
        "metadata.name: Invalid value: \"api\": field is immutable");
  }
}
