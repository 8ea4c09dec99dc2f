package io.kubenetsim.bench;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.dns.CoreDnsServer;
import io.kubenetsim.core.dns.Corefile;
import io.kubenetsim.core.dns.KubernetesZone;
import io.kubenetsim.core.dns.StaticZone;
import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.InformerFactory;
import io.kubenetsim.core.store.validation.ObjectValidator;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointConditions;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodPhase;
import io.kubenetsim.model.PodStatus;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.TargetRef;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster the DNS benchmarks ask about: {@code services} Services, {@value #PER_NAMESPACE}
 * per namespace ({@code svcI} in {@code nsI/100}); every tenth headless, the rest ClusterIP; each
 * with {@value #ENDPOINTS} running pods and one EndpointSlice of their ready endpoints and a
 * named port. Everything is written into the store and delivered through informers (lag 0)
 * once; the server runs kubeadm's Corefile.
 */
final class DnsBenchZone {
  static final int PER_NAMESPACE = 100;
  static final int ENDPOINTS = 3;

  final int services;
  final CoreDnsServer server;

  private DnsBenchZone(int services, CoreDnsServer server) {
    this.services = services;
    this.server = server;
  }

  static DnsBenchZone build(int services) {
    Simulator sim = new Simulator(42, Instant.parse("2026-01-01T00:00:00Z"));
    ApiStore store = new ApiStore(sim, new ObjectValidator());
    InformerFactory informers = new InformerFactory(sim, store);
    KubernetesZone zone = new KubernetesZone(informers.informer(Service.class, Duration.ZERO),
        informers.informer(EndpointSlice.class, Duration.ZERO),
        informers.informer(Pod.class, Duration.ZERO),
        informers.informer(Namespace.class, Duration.ZERO), sim.clock());
    for (int n = 0; n < (services + PER_NAMESPACE - 1) / PER_NAMESPACE; n++) {
      store.create(Namespace.of("ns" + n), "bench", "");
    }
    for (int i = 0; i < services; i++) {
      String namespace = "ns" + i / PER_NAMESPACE;
      String name = "svc" + i;
      store.create(service(namespace, name, i), "bench", "");
      List<Endpoint> endpoints = new ArrayList<>();
      for (int e = 0; e < ENDPOINTS; e++) {
        String pod = name + "-" + e;
        String ip = IpAddress.ipv4(0x0AF40000L + (long) i * ENDPOINTS + e + 1).toString();
        store.create(pod(namespace, pod, name, ip), "bench", "");
        endpoints.add(new Endpoint(ImmutableList.of(ip), EndpointConditions.of(true, true,
            false), "", "node-" + e, "", Optional.of(new TargetRef("Pod", namespace, pod,
                "uid-" + pod))));
      }
      store.create(new EndpointSlice(ObjectMeta.named(namespace, name + "-abcde")
          .withLabels(Labels.of(EndpointSlice.SERVICE_NAME_LABEL, name)), "IPv4",
          ImmutableList.copyOf(endpoints), ImmutableList.of(EndpointPort.of("http", 8080,
              Protocol.TCP))), "bench", "");
    }
    sim.settle(Long.MAX_VALUE);
    zone.markSynced();
    CoreDnsServer server = new CoreDnsServer(
        Corefile.parse(Corefile.kubeadm("cluster.local")).orElseThrow(),
        zone, List.of(IpAddress.parse("10.243.0.10")), new StaticZone());
    return new DnsBenchZone(services, server);
  }

  static boolean isHeadless(int i) {
    return i % 10 == 0;
  }

  static String fqdn(int i) {
    return "svc" + i + ".ns" + i / PER_NAMESPACE + ".svc.cluster.local";
  }

  private static Service service(String namespace, String name, int i) {
    return StoredServices.clusterIp(namespace, name,
        isHeadless(i) ? "None" : IpAddress.ipv4(0x0A600000L + i + 1).toString());
  }

  private static Pod pod(String namespace, String name, String app, String ip) {
    Pod pod = Pod.of(namespace, name, Labels.of(Map.of("app", app)), Container.of("c",
        "agnhost", List.of(ContainerPort.of("http", 8080))));
    return pod.withSpec(pod.spec().withNodeName("node-0"))
        .withStatus(new PodStatus(PodPhase.RUNNING, ImmutableList.of(), "", ip,
            ImmutableList.of(ip), Optional.empty(), ImmutableList.of(), ""));
  }
}
