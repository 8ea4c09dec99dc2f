package io.kubenetsim.jqwik;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.dns.RecordType;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicySpec;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServiceSpec;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The generators keep their promises: what they make passes the simulator's apiserver-style
 * validation, a cluster's YAML reads back as the objects generated, Deployments come up, and
 * resolvers accept the DNS names meant to be valid and refuse the others. Not routing
 * invariants; the ground the routing properties stand on.
 */
class GeneratorProperties {

  /** One cluster for the cheap per-name checks: creating objects in it is all they do. */
  private static Cluster shared;
  private static PodHandle client;

  @BeforeContainer
  static void startSharedCluster() {
    shared = KubeSim.cluster().nodes(1).seed(7).build();
    shared.createNamespace("names");
    client = shared.pod("names/client").create();
    shared.settle();
  }

  @AfterContainer
  static void dropSharedCluster() {
    shared = null;
    client = null;
  }

  @Provide
  Arbitrary<ClusterManifests> clusters() {
    return KubeArbitraries.clusters();
  }

  /** Every generated cluster applies without a validation error and its Deployments come up. */
  @Property(tries = 30)
  void generatedClustersAreAcceptedAndTheirDeploymentsBecomeReady(
      @ForAll("clusters") ClusterManifests manifests) {
    Cluster cluster = manifests.build(3, 2, ProxyMode.IPTABLES);
    for (Deployment d : manifests.deployments()) {
      String key = d.metadata().key().toString();
      long ready = cluster.getDeployment(key).pods().stream().filter(PodHandle::isReady).count();
      assertEquals(d.spec().replicas(), ready, "ready pods of " + key);
    }
    for (Pod client : manifests.clients()) {
      assertTrue(cluster.getPod(client.metadata().key().toString()).isReady(),
          client.metadata().key() + " is not ready");
    }
  }

  /**
   * The YAML of a cluster reads back as the generated objects: what the API server stores has
   * the generated labels, selectors, ports, types, policies and rules (plus the defaults it
   * fills in, which are not compared).
   */
  @Property(tries = 30)
  void theYamlOfAClusterReadsBackAsTheGeneratedObjects(
      @ForAll("clusters") ClusterManifests manifests) {
    Cluster cluster = manifests.build(3, 1, ProxyMode.IPVS);
    for (Namespace namespace : manifests.namespaces()) {
      Namespace stored = stored(cluster, Namespace.class, namespace.metadata());
      namespace.metadata().labels().asMap().forEach((k, v) -> assertEquals(v,
          stored.metadata().labels().asMap().get(k), "label " + k + " of " + namespace));
    }
    for (Deployment d : manifests.deployments()) {
      Deployment stored = stored(cluster, Deployment.class, d.metadata());
      assertEquals(d.spec().template().labels(), stored.spec().template().labels());
      assertEquals(d.spec().selector(), stored.spec().selector());
      assertEquals(d.spec().template().spec().containers(),
          stored.spec().template().spec().containers());
    }
    for (Service s : manifests.services()) {
      ServiceSpec stored = stored(cluster, Service.class, s.metadata()).spec();
      assertEquals(ServiceKind.of(s), ServiceKind.of(stored(cluster, Service.class,
          s.metadata())), "kind of " + s);
      assertEquals(s.spec().selector(), stored.selector(), "selector of " + s);
      assertEquals(s.spec().ports().stream().map(p -> p.withNodePort(0)).toList(),
          stored.ports().stream().map(p -> p.withNodePort(0)).toList(), "ports of " + s);
      assertEquals(s.spec().sessionAffinityTimeoutSeconds(),
          stored.sessionAffinityTimeoutSeconds(), "affinity timeout of " + s);
      assertEquals(s.spec().externalName(), stored.externalName(), "externalName of " + s);
      if (!s.spec().externalTrafficPolicy().isEmpty()) {
        assertEquals(s.spec().externalPolicy(), stored.externalPolicy(), "ETP of " + s);
      }
      assertEquals(s.spec().internalPolicy(), stored.internalPolicy(), "ITP of " + s);
    }
    for (NetworkPolicy p : manifests.policies()) {
      NetworkPolicySpec stored = stored(cluster, NetworkPolicy.class, p.metadata()).spec();
      assertEquals(p.spec().podSelector(), stored.podSelector(), "podSelector of " + p);
      assertEquals(p.spec().ingress(), stored.ingress(), "ingress of " + p);
      assertEquals(p.spec().egress(), stored.egress(), "egress of " + p);
      assertEquals(p.spec().effectivePolicyTypes(), stored.effectivePolicyTypes(),
          "policyTypes of " + p);
    }
  }

  /**
   * Names, label keys and values, and selectors from the single-value generators pass
   * validation: a namespace, a labelled Service with a named port, and a policy selecting with
   * the selector are all accepted.
   */
  @Property(tries = 100)
  void namesLabelsAndSelectorsAreAccepted(
      @ForAll @From("namespaceNames") String namespace,
      @ForAll @From("serviceNames") String service,
      @ForAll @From("portNames") String port, @ForAll @From("labels") Labels labels,
      @ForAll @From("selectors") LabelSelector selector,
      @ForAll @From("subdomains") String policy) {
    if (shared.namespaces().stream().noneMatch(n -> n.metadata().name().equals(namespace))) {
      shared.createNamespace(namespace);
    }
    shared.apply(new Service(ObjectMeta.named(namespace, service).withLabels(labels),
        ServiceSpec.of(Map.of("app", "x"), List.of(io.kubenetsim.model.ServicePort.of(port, 80,
            io.kubenetsim.model.IntOrString.of(port)))), io.kubenetsim.model.ServiceStatus.empty()),
        NetworkPolicy.of(namespace, policy, NetworkPolicySpec.of(selector, List.of(), List.of(),
            List.of())));
  }

  /** A valid name is looked up (an answer or NXDOMAIN, no error); an invalid one is refused. */
  @Property(tries = 100)
  void resolversAcceptValidNamesAndRefuseInvalidOnes(
      @ForAll @From("dnsNames") String valid, @ForAll @From("invalidDnsNames") String invalid) {
    client.lookup(valid, RecordType.A);
    assertThrows(IllegalArgumentException.class, () -> client.lookup(invalid, RecordType.A),
        "a lookup of \"" + invalid + "\"");
  }

  @Provide
  Arbitrary<String> namespaceNames() {
    return KubeArbitraries.namespaceNames();
  }

  @Provide
  Arbitrary<String> serviceNames() {
    return KubeArbitraries.serviceNames();
  }

  @Provide
  Arbitrary<String> portNames() {
    return KubeArbitraries.portNames();
  }

  @Provide
  Arbitrary<Labels> labels() {
    return KubeArbitraries.labels();
  }

  @Provide
  Arbitrary<LabelSelector> selectors() {
    return KubeArbitraries.labelSelectors();
  }

  @Provide
  Arbitrary<String> subdomains() {
    return KubeArbitraries.dns1123Subdomains();
  }

  @Provide
  Arbitrary<String> dnsNames() {
    return KubeArbitraries.dnsNames();
  }

  @Provide
  Arbitrary<String> invalidDnsNames() {
    return KubeArbitraries.invalidDnsNames();
  }

  private static <T extends io.kubenetsim.model.KubernetesObject> T stored(Cluster cluster,
      Class<T> type, ObjectMeta meta) {
    return cluster.get(type, meta.namespace(), meta.name()).orElseThrow(
        () -> new AssertionError(type.getSimpleName() + " " + meta.key() + " was not stored"));
  }
}
