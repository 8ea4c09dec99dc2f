package io.kubenetsim.jqwik;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.dns.DnsLookup;
import io.kubenetsim.dns.DnsName;
import io.kubenetsim.dns.RecordData;
import io.kubenetsim.dns.RecordType;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.Service;
import io.kubenetsim.net.IpAddress;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Cluster DNS over generated clusters (reference §7), asked from the generated client pods
 * through their own resolver ({@code ClusterFirst}: CoreDNS, the kubelet's search list). The
 * names are those of the DNS specification ({@code kubernetes/dns} {@code
 * docs/specification.md}), which CoreDNS's {@code plugin/kubernetes} answers from its
 * Service and EndpointSlice watches.
 */
class DnsProperties {

  private static final String ZONE = "svc.cluster.local";

  @Provide
  Arbitrary<ClusterManifests> clusters() {
    return KubeArbitraries.clusters(ClusterShape.defaults().withMaxPolicies(0))
        .filter(m -> !m.services().isEmpty());
  }

  /**
   * {@code <svc>.<ns>.svc.cluster.local} has exactly one A record, the ClusterIP, for every
   * Service with one (ClusterIP, NodePort, LoadBalancer), whatever its endpoints. Upstream:
   * the specification's "ClusterIP Services" records; CoreDNS {@code plugin/kubernetes}
   * {@code Services()}/{@code findServices} answers a non-headless Service with its
   * {@code spec.clusterIPs}.
   */
  @Property(tries = 30)
  void aServiceNameResolvesToItsClusterIp(@ForAll("clusters") ClusterManifests manifests) {
    Cluster cluster = manifests.build(23, 2, ProxyMode.IPVS);
    PodHandle client = cluster.getPod(manifests.clients().get(0).metadata().key().toString());
    for (Service service : stored(cluster, manifests)) {
      if (!ServiceKind.of(service).hasClusterIp()) {
        continue;
      }
      DnsLookup lookup = client.lookup(fqdn(service), RecordType.A);
      assertEquals(List.of(IpAddress.parse(service.spec().clusterIP())), lookup.addresses(),
          "A of " + fqdn(service) + ":\n" + lookup);
      Statistics.label("kind").collect(ServiceKind.of(service));
    }
  }

  /**
   * A headless Service's name resolves to exactly the addresses of its ready endpoints, one A
   * record each (none when it has none). Upstream: the specification's "Headless Services"
   * records; CoreDNS {@code findServices} walks the Service's EndpointSlices and skips
   * endpoints that are not ready ({@code publishNotReadyAddresses} unset).
   */
  @Property(tries = 30)
  void aHeadlessNameResolvesToExactlyItsReadyEndpoints(
      @ForAll("headlessClusters") ClusterManifests manifests) {
    Cluster cluster = manifests.build(29, 2, ProxyMode.IPTABLES);
    PodHandle client = cluster.getPod(manifests.clients().get(0).metadata().key().toString());
    List<ObservedPod> pods = ObservedPod.all(cluster);
    for (Service service : stored(cluster, manifests)) {
      if (ServiceKind.of(service) != ServiceKind.HEADLESS) {
        continue;
      }
      TreeSet<String> expected = new TreeSet<>();
      ExpectedEndpoints.ready(service, pods).forEach(p -> expected.add(p.ip().get().toString()));
      DnsLookup lookup = client.lookup(fqdn(service), RecordType.A);
      TreeSet<String> answered = new TreeSet<>();
      lookup.addresses().forEach(ip -> answered.add(ip.toString()));
      assertEquals(expected, answered, "A of headless " + fqdn(service) + ":\n" + lookup);
      assertEquals(expected.size(), lookup.addresses().size(),
          "one A record per ready endpoint:\n" + lookup);
      Statistics.label("ready endpoints").collect(expected.size());
    }
  }

  @Provide
  Arbitrary<ClusterManifests> headlessClusters() {
    return KubeArbitraries.clusters(ClusterShape.defaults().withMaxPolicies(0)
        .withServiceKinds(ServiceKind.HEADLESS, ServiceKind.CLUSTER_IP))
        .filter(m -> !m.services(ServiceKind.HEADLESS).isEmpty());
  }

  /**
   * An ExternalName Service's name answers a CNAME to {@code spec.externalName}, first in the
   * answer. Upstream: the specification's "ExternalName Services"; CoreDNS {@code
   * plugin/kubernetes} returns the Service's {@code externalName} as a CNAME for any question
   * about the name.
   */
  @Property(tries = 25)
  void anExternalNameAnswersACnameToItsTarget(
      @ForAll("externalNameClusters") ClusterManifests manifests) {
    Cluster cluster = manifests.build(31, 1, ProxyMode.IPVS);
    PodHandle client = cluster.getPod(manifests.clients().get(0).metadata().key().toString());
    for (Service service : stored(cluster, manifests)) {
      if (ServiceKind.of(service) != ServiceKind.EXTERNAL_NAME) {
        continue;
      }
      DnsLookup lookup = client.lookup(fqdn(service), RecordType.A);
      assertFalse(lookup.answers().isEmpty(), "no answer for " + fqdn(service) + ":\n" + lookup);
      assertEquals(new RecordData.Cname(DnsName.of(service.spec().externalName())),
          lookup.answers().get(0).data(), "first answer for " + fqdn(service) + ":\n" + lookup);
      assertEquals(DnsName.of(fqdn(service)), lookup.answers().get(0).name(),
          "owner of the CNAME:\n" + lookup);
    }
  }

  @Provide
  Arbitrary<ClusterManifests> externalNameClusters() {
    return KubeArbitraries.clusters(ClusterShape.defaults().withMaxPolicies(0)
        .withServiceKinds(ServiceKind.EXTERNAL_NAME, ServiceKind.CLUSTER_IP))
        .filter(m -> !m.services(ServiceKind.EXTERNAL_NAME).isEmpty());
  }

  /**
   * From a pod in the Service's namespace, {@code <svc>} and {@code <svc>.<ns>} resolve, through
   * the search list, to the same addresses as the FQDN; from a pod in another namespace {@code
   * <svc>.<ns>} does, while {@code <svc>} alone never gives the Service's addresses. Upstream:
   * the kubelet writes {@code search <ns>.svc.cluster.local svc.cluster.local cluster.local}
   * with {@code ndots:5} ({@code pkg/kubelet/network/dns} {@code GetPodDNS}), and the resolver
   * tries each suffix in turn.
   */
  @Property(tries = 30)
  void shortNamesResolveThroughTheSearchListOfTheClientsNamespace(
      @ForAll("clusters") ClusterManifests manifests) {
    Cluster cluster = manifests.build(37, 2, ProxyMode.NFTABLES);
    for (Pod generated : manifests.clients()) {
      PodHandle client = cluster.getPod(generated.metadata().key().toString());
      String home = generated.metadata().namespace();
      for (Service service : stored(cluster, manifests)) {
        ServiceKind kind = ServiceKind.of(service);
        if (kind == ServiceKind.EXTERNAL_NAME) {
          continue;
        }
        String name = service.metadata().name();
        String namespace = service.metadata().namespace();
        List<IpAddress> full = client.lookup(fqdn(service), RecordType.A).addresses();
        DnsLookup qualified = client.lookup(name + "." + namespace, RecordType.A);
        assertEquals(sorted(full), sorted(qualified.addresses()),
            name + "." + namespace + " from " + home + ":\n" + qualified);
        DnsLookup bare = client.lookup(name, RecordType.A);
        boolean sameNamespace = home.equals(namespace);
        Statistics.label("same namespace").collect(sameNamespace);
        if (sameNamespace) {
          assertEquals(sorted(full), sorted(bare.addresses()), name + " from " + home + ":\n"
              + bare);
        } else if (!full.isEmpty() && kind != ServiceKind.HEADLESS) {
          assertTrue(bare.addresses().stream().noneMatch(full::contains),
              name + " from another namespace " + home + " found " + namespace + "'s:\n" + bare);
        }
      }
    }
  }

  // ---- helpers ----

  private static String fqdn(Service service) {
    return service.metadata().name() + "." + service.metadata().namespace() + "." + ZONE;
  }

  private static List<Service> stored(Cluster cluster, ClusterManifests manifests) {
    return manifests.services().stream()
        .map(s -> cluster.getService(s.metadata().key().toString()).get()).toList();
  }

  private static List<String> sorted(List<IpAddress> addresses) {
    return addresses.stream().map(IpAddress::toString).sorted().toList();
  }
}
