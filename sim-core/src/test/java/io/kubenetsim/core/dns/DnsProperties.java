package io.kubenetsim.core.dns;

import static io.kubenetsim.core.dns.ShopDns.addresses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ServiceBuilder;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.core.ServiceInternals;
import io.kubenetsim.dns.DnsLookup;
import io.kubenetsim.dns.Rcode;
import io.kubenetsim.dns.RecordType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Service discovery holds on any small cluster: a few namespaces, Deployments with random
 * labels and sizes, ClusterIP and headless Services with random selectors (names shared across
 * namespaces), client pods in random namespaces. After {@code settle()}, asked from every client
 * pod through its resolver (kubernetes/dns {@code docs/specification.md} §2.3.1, §2.4.1; the
 * search list of the kubelet's {@code ClusterFirst} resolv.conf):
 *
 * <ul>
 *   <li>a ClusterIP Service resolves by FQDN, {@code name.namespace} and {@code
 *       name.namespace.svc} to exactly its clusterIP from any pod, and by the bare {@code name}
 *       only from pods of its own namespace (elsewhere the bare name is the pod's own namespace's
 *       Service of that name, or NXDOMAIN);
 *   <li>a headless Service's A set is exactly the ready addresses of its EndpointSlices, and
 *       NXDOMAIN when there are none;
 *   <li>the same seed and the same calls give the same lookups, to the CoreDNS pod that answered
 *       each query, and the same event log.
 * </ul>
 */
class DnsProperties {

  record Workload(int namespace, int app, int replicas) {}

  record Svc(int namespace, int name, boolean headless, int app) {}

  /** The cluster: its seed and what is created in it, indexes into the name lists below. */
  record Setup(long seed, int namespaces, List<Workload> workloads, List<Svc> services,
      List<Integer> clients) {}

  private static final List<String> APPS = List.of("a", "b", "c", "nobody");

  @Provide
  Arbitrary<Setup> setups() {
    Arbitrary<Integer> ns = Arbitraries.integers().between(0, 2);
    Arbitrary<Workload> workload = Combinators.combine(ns, Arbitraries.integers().between(0, 2),
        Arbitraries.of(0, 1, 2, 2, 3)).as(Workload::new);
    Arbitrary<Svc> service = Combinators.combine(ns, Arbitraries.integers().between(0, 2),
        Arbitraries.of(true, false), Arbitraries.integers().between(0, APPS.size() - 1))
        .as(Svc::new);
    // Mostly two or three namespaces and a few Deployments, so that most clusters have
    // headless endpoints and clients outside a Service's namespace (see the statistics).
    return Combinators.combine(Arbitraries.longs(), Arbitraries.of(1, 2, 2, 3, 3),
        workload.list().ofMinSize(2).ofMaxSize(5), service.list().ofMinSize(2).ofMaxSize(5),
        ns.list().ofMinSize(2).ofMaxSize(3)).as(Setup::new);
  }

  @Property(tries = 30)
  void everyServiceResolvesFromEveryPodAsTheSpecificationSays(@ForAll("setups") Setup setup) {
    Cluster c = build(setup);
    List<String> problems = new ArrayList<>();
    List<PodHandle> clients = clients(c, setup);
    for (ServiceHandle s : services(c, setup)) {
      String ns = s.ref().namespace();
      String name = s.ref().name();
      String fqdn = name + "." + ns + ".svc.cluster.local";
      for (PodHandle client : clients) {
        String from = " from " + client.ref() + ": ";
        if (s.get().spec().isHeadless()) {
          Set<String> ready = readyAddresses(s);
          DnsLookup lookup = client.lookup(fqdn + ".", RecordType.A);
          if (ready.isEmpty() ? lookup.rcode().orElseThrow() != Rcode.NXDOMAIN
              : !ready.equals(addresses(lookup))) {
            problems.add(fqdn + from + "expected " + (ready.isEmpty() ? "NXDOMAIN" : ready)
                + ", got " + lookup);
          }
          continue;
        }
        Set<String> vip = Set.of(s.clusterIP());
        for (String asked : List.of(fqdn + ".", name + "." + ns, name + "." + ns + ".svc")) {
          DnsLookup lookup = client.lookup(asked, RecordType.A);
          if (!vip.equals(addresses(lookup))) {
            problems.add(asked + from + "expected " + vip + ", got " + lookup);
          }
        }
        DnsLookup bare = client.lookup(name, RecordType.A);
        String clientNs = client.ref().namespace();
        if (clientNs.equals(ns) ? !vip.equals(addresses(bare))
            : addresses(bare).contains(s.clusterIP()) || (sameName(c, clientNs, name).isEmpty()
                && bare.rcode().orElseThrow() != Rcode.NXDOMAIN)) {
          problems.add("bare " + name + " of " + ns + from + "got " + bare);
        }
      }
    }
    // Coverage, printed by jqwik: how often the interesting cases occur at all.
    Statistics.label("a headless Service with ready endpoints").collect(services(c, setup)
        .stream().anyMatch(s -> s.get().spec().isHeadless() && !readyAddresses(s).isEmpty()));
    Statistics.label("a client outside some ClusterIP Service's namespace").collect(
        services(c, setup).stream().anyMatch(s -> !s.get().spec().isHeadless() && clients
            .stream().anyMatch(p -> !p.ref().namespace().equals(s.ref().namespace()))));
    if (!problems.isEmpty()) {
      throw new AssertionError(String.join("\n", problems) + "\n" + setup
          + ServiceInternals.context(c, 20));
    }
  }

  @Property(tries = 8)
  void theSameSeedAndCallsGiveTheSameLookupsAndEvents(@ForAll("setups") Setup setup) {
    List<String> first = transcript(setup);
    List<String> second = transcript(setup);
    assertEquals(first, second, setup.toString());
  }

  /** {@return every lookup made from every client, with the answering pods, then the events} */
  private static List<String> transcript(Setup setup) {
    Cluster c = build(setup);
    List<String> out = new ArrayList<>();
    for (PodHandle client : clients(c, setup)) {
      for (ServiceHandle s : services(c, setup)) {
        for (String asked : List.of(s.ref().name(), s.ref().name() + "." + s.ref().namespace(),
            "_http._tcp." + s.ref().name())) {
          DnsLookup lookup = client.lookup(asked, asked.startsWith("_") ? RecordType.SRV
              : RecordType.A);
          out.add(lookup + " answered by " + lookup.tried().stream().map(a -> a.connection()
              .flatMap(Connection::backendPod).orElse("-")).toList());
        }
      }
    }
    out.add(c.events().toString());
    return out;
  }

  private static Cluster build(Setup setup) {
    Cluster c = KubeSim.cluster().nodes(2).seed(setup.seed()).build();
    for (int i = 0; i < setup.namespaces(); i++) {
      c.createNamespace(namespace(setup, i));
    }
    int index = 0;
    for (Workload w : setup.workloads()) {
      c.deployment(namespace(setup, w.namespace()) + "/d-" + index++).replicas(w.replicas())
          .label("app", APPS.get(w.app())).containerPort("http", 8080).create();
    }
    Set<String> taken = new TreeSet<>();
    for (Svc s : setup.services()) {
      String key = namespace(setup, s.namespace()) + "/s-" + s.name();
      if (taken.add(key)) {
        ServiceBuilder b = c.service(key).selector("app", APPS.get(s.app()))
            .port("http", 80, "http");
        (s.headless() ? b.headless() : b).create();
      }
    }
    index = 0;
    for (int client : setup.clients()) {
      c.pod(namespace(setup, client) + "/client-" + index++).create();
    }
    c.settle();
    return c;
  }

  /** Namespace indexes beyond the setup's count fold onto the ones there are. */
  private static String namespace(Setup setup, int index) {
    return "ns-" + index % setup.namespaces();
  }

  private static List<PodHandle> clients(Cluster c, Setup setup) {
    List<PodHandle> out = new ArrayList<>();
    for (int i = 0; i < setup.clients().size(); i++) {
      out.add(c.getPod(namespace(setup, setup.clients().get(i)) + "/client-" + i));
    }
    return out;
  }

  private static List<ServiceHandle> services(Cluster c, Setup setup) {
    List<ServiceHandle> out = new ArrayList<>();
    for (int i = 0; i < setup.namespaces(); i++) {
      out.addAll(c.services(namespace(setup, i)));
    }
    return out;
  }

  private static Optional<ServiceHandle> sameName(Cluster c, String namespace, String name) {
    return c.services(namespace).stream().filter(s -> s.ref().name().equals(name)).findFirst();
  }

  /** {@return the ready addresses of the Service's EndpointSlices (the source CoreDNS reads)} */
  private static Set<String> readyAddresses(ServiceHandle s) {
    return s.slices().stream().flatMap(slice -> slice.endpoints().stream())
        .filter(e -> e.conditions().isReady()).flatMap(e -> e.addresses().stream())
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
