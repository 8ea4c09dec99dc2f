package io.kubenetsim.core.dns;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.InformerFactory;
import io.kubenetsim.core.store.validation.ObjectValidator;
import io.kubenetsim.dns.DnsQuestion;
import io.kubenetsim.dns.DnsResponse;
import io.kubenetsim.dns.RecordType;
import io.kubenetsim.dns.ResourceRecord;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointConditions;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.ObjectRef;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodPhase;
import io.kubenetsim.model.PodStatus;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.ServiceSpec;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A store, lagging informers and a {@link KubernetesZone} watching them, with no controllers:
 * tests write namespaces, Services (cluster IPs given by hand), EndpointSlices and pods straight
 * into the store, then {@link #settle} lets the informers deliver — as the policy engine's
 * {@code EngineFixture} does. {@link #server} runs a Corefile on the zone with a {@link
 * StaticZone} as the upstream.
 */
final class DnsFixture {
  static final Duration LAG = Duration.ofSeconds(1);
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  /** The own IP of the CoreDNS process under test (kube-system/coredns-a's). */
  static final String COREDNS_IP = "10.244.0.53";

  final Simulator sim = new Simulator(9, START);
  final ApiStore store = new ApiStore(sim, new ObjectValidator(List.of(
      io.kubenetsim.net.Cidr.parse("10.0.0.0/8"), io.kubenetsim.net.Cidr.parse("::/1"))));
  final InformerFactory informers = new InformerFactory(sim, store);
  final KubernetesZone zone = new KubernetesZone(informers.informer(Service.class, LAG),
      informers.informer(EndpointSlice.class, LAG), informers.informer(Pod.class, LAG),
      informers.informer(Namespace.class, LAG), sim.clock());
  final StaticZone world = new StaticZone();

  DnsFixture namespace(String name) {
    store.create(Namespace.of(name), "test", "");
    return this;
  }

  /** A ClusterIP Service with these cluster IPs (one or two families) and ports. */
  DnsFixture clusterIp(String key, List<String> ips, ServicePort... ports) {
    List<String> families = ips.stream().map(ip -> IpAddress.parse(ip).family().toString())
        .toList();
    return service(key, s -> {
      s.clusterIP = ips.get(0);
      s.clusterIPs = ips;
      s.ipFamilies = families;
      s.ipFamilyPolicy = ips.size() == 2 ? "RequireDualStack" : "SingleStack";
      return s;
    }, ports);
  }

  DnsFixture clusterIp(String key, String ip, ServicePort... ports) {
    return clusterIp(key, List.of(ip), ports);
  }

  /** A headless Service (families as for a selectorless one: IPv4). */
  DnsFixture headless(String key, ServicePort... ports) {
    return service(key, s -> {
      s.clusterIP = "None";
      s.clusterIPs = List.of("None");
      s.ipFamilies = List.of("IPv4");
      s.ipFamilyPolicy = "SingleStack";
      return s;
    }, ports);
  }

  DnsFixture externalName(String key, String externalName) {
    return service(key, s -> {
      s.type = "ExternalName";
      s.externalName = externalName;
      return s;
    });
  }

  private DnsFixture service(String key, java.util.function.UnaryOperator<ServiceSpec.Builder>
      change, ServicePort... ports) {
    NamespacedName name = NamespacedName.parse(key);
    Service service = new Service(ObjectMeta.named(name.namespace(), name.name()),
        ServiceSpec.of(Map.of(), List.of(ports)).with(s -> {
          s.type = "ClusterIP";
          s.sessionAffinity = "None";
          s.internalTrafficPolicy = "Cluster";
          return change.apply(s);
        }), io.kubenetsim.model.ServiceStatus.empty());
    if (store.get(Service.class, name).isPresent()) {
      store.update(service, "test", "");
    } else {
      store.create(service, "test", "");
    }
    return this;
  }

  static ServicePort tcp(String name, int port) {
    return new ServicePort(name, Protocol.TCP, "", port, io.kubenetsim.model.IntOrString.of(port),
        0);
  }

  static ServicePort udp(String name, int port) {
    return new ServicePort(name, Protocol.UDP, "", port, io.kubenetsim.model.IntOrString.of(port),
        0);
  }

  /** An endpoint: {@code ip}, ready, no hostname, targeting pod {@code pod} ({@code ""}: none). */
  static Endpoint endpoint(String ip, String pod) {
    return endpoint(ip, pod, "", true);
  }

  static Endpoint endpoint(String ip, String pod, String hostname, boolean ready) {
    return new Endpoint(ImmutableList.of(ip), EndpointConditions.of(ready, ready, false),
        hostname, "node-1", "", pod.isEmpty() ? Optional.empty() : Optional.of(
            new io.kubenetsim.model.TargetRef("Pod", "", pod, "uid-" + pod)));
  }

  /** Creates or replaces the slice {@code ns/name} of Service {@code service}. */
  DnsFixture slice(String key, String service, String addressType, List<Endpoint> endpoints,
      EndpointPort... ports) {
    NamespacedName name = NamespacedName.parse(key);
    EndpointSlice slice = new EndpointSlice(ObjectMeta.named(name.namespace(), name.name())
        .withLabels(Labels.of(EndpointSlice.SERVICE_NAME_LABEL, service)), addressType,
        ImmutableList.copyOf(endpoints), ImmutableList.copyOf(ports));
    if (store.get(EndpointSlice.class, name).isPresent()) {
      store.update(slice, "test", "");
    } else {
      store.create(slice, "test", "");
    }
    return this;
  }

  static EndpointPort port(String name, int port, Protocol protocol) {
    return EndpointPort.of(name, port, protocol);
  }

  /** A running pod with this IP. */
  DnsFixture pod(String key, String ip) {
    NamespacedName name = NamespacedName.parse(key);
    Pod pod = Pod.of(name.namespace(), name.name(), Labels.parse("app=x"),
        Container.of("c", "agnhost", List.of()));
    store.create(pod, "test", "");
    store.patch(Pod.class, name, p -> p.withSpec(p.spec().withNodeName("node-1"))
        .withStatus(new PodStatus(PodPhase.RUNNING, ImmutableList.of(), "", ip,
            ImmutableList.of(ip), Optional.empty(), ImmutableList.of(), "")), "test", "");
    return this;
  }

  /** Removes a namespaced object at once (no graceful deletion). */
  DnsFixture delete(String kind, String key) {
    store.remove(ObjectRef.namespaced(kind, NamespacedName.parse(key)), "test", "");
    return this;
  }

  DnsFixture deleteNamespace(String name) {
    store.remove(ObjectRef.clusterScoped(Namespace.KIND, name), "test", "");
    return this;
  }

  /** Lets the informers deliver what was written, and marks the zone synced. */
  DnsFixture settle() {
    sim.runFor(LAG);
    zone.markSynced();
    return this;
  }

  /** {@return a server running this Corefile on the zone, own IP {@link #COREDNS_IP}} */
  CoreDnsServer server(String corefile) {
    return new CoreDnsServer(Corefile.parse(corefile).orElseThrow(), zone,
        List.of(IpAddress.parse(COREDNS_IP)), world);
  }

  /** {@return a one-block Corefile serving {@code zones} with a kubernetes stanza} */
  static String corefile(String kubernetesLine, String... options) {
    return ".:53 {\n    " + kubernetesLine + " {\n"
        + java.util.Arrays.stream(options).map(o -> "        " + o + "\n")
            .collect(Collectors.joining())
        + "    }\n    forward . /etc/resolv.conf\n}\n";
  }

  static DnsQuestion question(String name, RecordType type) {
    return DnsQuestion.of(name, type);
  }

  /**
   * {@return a reply in one line per section: {@code NOERROR: <answers>}, {@code NODATA},
   * {@code NXDOMAIN}, with {@code +extra} and {@code soa=<owner> <ttl> <serial> <minimum>} when
   * present}
   */
  static String summary(DnsResponse response) {
    List<String> parts = new ArrayList<>();
    parts.add(response.isNoData() ? "NODATA" : response.rcode().toString());
    response.answers().forEach(r -> parts.add(brief(r)));
    response.additional().forEach(r -> parts.add("+" + brief(r)));
    response.authority().forEach(r -> parts.add("soa=" + r.name() + " " + r.ttl()));
    return String.join(" | ", parts);
  }

  /** {@return a record as {@code owner ttl TYPE data}} */
  static String brief(ResourceRecord r) {
    return r.name() + " " + r.ttl() + " " + r.type() + " " + r.data();
  }
}
