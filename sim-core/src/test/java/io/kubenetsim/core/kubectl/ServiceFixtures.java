package io.kubenetsim.core.kubectl;

import static io.kubenetsim.core.kubectl.Fixtures.created;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointAddress;
import io.kubenetsim.model.EndpointConditions;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.EndpointSubset;
import io.kubenetsim.model.Endpoints;
import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.LoadBalancerIngress;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.ServiceStatus;
import io.kubenetsim.model.ServiceType;
import io.kubenetsim.net.Protocol;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.Labels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Services, EndpointSlices and Endpoints as the API server holds them after defaulting and
 * allocation (single-stack IPv4, session affinity None, traffic policies Cluster), for the
 * printer, describe and golden tests.
 */
final class ServiceFixtures {

  private ServiceFixtures() {}

  /** A defaulted ClusterIP Service at {@code ip} selecting {@code app=<name>}. */
  static Service clusterIp(String namespace, String name, String ip, Duration age,
      ServicePort... ports) {
    Service service = Service.of(namespace, name, Map.of("app", name), ports);
    return service.withMetadata(created(service.metadata(), age))
        .withSpec(service.spec().with(b -> {
          b.type = "ClusterIP";
          b.clusterIP = ip;
          b.clusterIPs = List.of(ip);
          b.ipFamilies = List.of("IPv4");
          b.ipFamilyPolicy = "SingleStack";
          b.sessionAffinity = "None";
          b.internalTrafficPolicy = "Cluster";
          return b;
        }));
  }

  /** The Service turned into a NodePort one; its ports must already carry node ports. */
  static Service nodePort(Service service) {
    return service.withSpec(service.spec().with(b -> {
      b.type = "NodePort";
      b.externalTrafficPolicy = "Cluster";
      return b;
    }));
  }

  /** The Service turned into a LoadBalancer with these ingress points (none = pending). */
  static Service loadBalancer(Service service, LoadBalancerIngress... ingress) {
    return service.withSpec(service.spec().with(b -> {
      b.type = ServiceType.LOAD_BALANCER.toString();
      b.externalTrafficPolicy = "Cluster";
      b.allocateLoadBalancerNodePorts = Optional.of(true);
      return b;
    })).withStatus(ServiceStatus.of(List.of(ingress)));
  }

  /** An ExternalName Service: no cluster IP, no IP families or internal traffic policy. */
  static Service externalName(String namespace, String name, String target, Duration age) {
    Service service = Service.of(namespace, name, Map.of());
    return service.withMetadata(created(service.metadata(), age))
        .withSpec(service.spec().with(b -> {
          b.type = "ExternalName";
          b.externalName = target;
          b.sessionAffinity = "None";
          return b;
        }));
  }

  /** The Service made headless ({@code clusterIP: None}). */
  static Service headless(Service service) {
    return service.withSpec(service.spec().with(b -> {
      b.clusterIP = "None";
      b.clusterIPs = List.of("None");
      return b;
    }));
  }

  static Service withExternalIps(Service service, String... ips) {
    return service.withSpec(service.spec().with(b -> {
      b.externalIPs = List.of(ips);
      return b;
    }));
  }

  static ServicePort port(String name, int port, Protocol protocol, int targetPort,
      int nodePort) {
    return new ServicePort(name, protocol, "", port, IntOrString.of(targetPort), nodePort);
  }

  static ServicePort namedTarget(String name, int port, String targetPort, int nodePort) {
    return new ServicePort(name, Protocol.TCP, "", port, IntOrString.of(targetPort), nodePort);
  }

  static LoadBalancerIngress hostname(String hostname) {
    return new LoadBalancerIngress("", hostname, "");
  }

  /** A controller-style slice of {@code service}: IPv4, labelled with the service's name. */
  static EndpointSlice slice(String namespace, String name, String service, Duration age,
      List<EndpointPort> ports, Endpoint... endpoints) {
    EndpointSlice slice = EndpointSlice.of(namespace, name, service, List.of(endpoints), ports);
    return slice.withMetadata(created(slice.metadata(), age));
  }

  static EndpointSlice withAddressType(EndpointSlice slice, String addressType) {
    return new EndpointSlice(slice.metadata(), addressType, slice.endpoints(), slice.ports());
  }

  static EndpointPort tcp(String name, int port) {
    return EndpointPort.of(name, port, Protocol.TCP);
  }

  static Endpoint ready(String ip) {
    return endpoint(ip, EndpointConditions.of(true, true, false));
  }

  static Endpoint notReady(String ip) {
    return endpoint(ip, EndpointConditions.of(false, false, false));
  }

  static Endpoint terminating(String ip) {
    return endpoint(ip, EndpointConditions.of(false, true, true));
  }

  private static Endpoint endpoint(String ip, EndpointConditions conditions) {
    return new Endpoint(ImmutableList.of(ip), conditions, "", "node-1", "", Optional.empty());
  }

  static Endpoints endpoints(String namespace, String name, Duration age,
      EndpointSubset... subsets) {
    Endpoints endpoints = Endpoints.of(namespace, name, List.of(subsets));
    return endpoints.withMetadata(created(endpoints.metadata(), age));
  }

  /** A subset with these ready and not-ready IPs on these ports. */
  static EndpointSubset subset(List<String> ready, List<String> notReady,
      EndpointPort... ports) {
    return new EndpointSubset(addresses(ready), addresses(notReady), ImmutableList.copyOf(ports));
  }

  private static ImmutableList<EndpointAddress> addresses(List<String> ips) {
    return ips.stream().map(EndpointAddress::of).collect(ImmutableList.toImmutableList());
  }

  static ObjectMeta withLabelsAndAnnotations(ObjectMeta meta, Map<String, String> labels,
      Map<String, String> annotations) {
    return meta.withLabels(Labels.of(labels)).withAnnotations(annotations);
  }

  /**
   * One cluster's Services (all five flavours), slices and Endpoints, in no particular order,
   * for the golden files: every cell rule of the three tables and every optional describe line
   * appears at least once.
   */
  static List<KubernetesObject> goldenObjects() {
    List<KubernetesObject> objects = new ArrayList<>();
    Service kubernetes = clusterIp("default", "kubernetes", "10.96.0.1", Duration.ofDays(30),
        port("https", 443, Protocol.TCP, 6443, 0));
    kubernetes = kubernetes.withMetadata(kubernetes.metadata().withLabels(Labels.of(Map.of(
        "component", "apiserver", "provider", "kubernetes")))).withSpec(
            kubernetes.spec().with(b -> {
              b.selector = Map.of();
              return b;
            }));
    Service dns = clusterIp("kube-system", "kube-dns", "10.96.0.10", Duration.ofDays(30),
        port("dns", 53, Protocol.UDP, 53, 0), port("dns-tcp", 53, Protocol.TCP, 53, 0),
        port("metrics", 9153, Protocol.TCP, 9153, 0));
    dns = dns.withMetadata(withLabelsAndAnnotations(dns.metadata(), Map.of("k8s-app",
        "kube-dns", "kubernetes.io/cluster-service", "true", "kubernetes.io/name", "CoreDNS"),
        Map.of("prometheus.io/port", "9153", "prometheus.io/scrape", "true")))
        .withSpec(dns.spec().with(b -> {
          b.selector = Map.of("k8s-app", "kube-dns");
          return b;
        }));
    Service web = loadBalancer(clusterIp("shop", "web", "10.96.45.12", Duration.ofMinutes(5),
        port("", 80, Protocol.TCP, 8080, 31380)));
    Service front = loadBalancer(clusterIp("shop", "front", "10.96.12.34", Duration.ofHours(3),
        namedTarget("http", 80, "http", 30080), port("https", 443, Protocol.TCP, 8443, 30443)),
        LoadBalancerIngress.ip("203.0.113.10"), hostname("front-1234.elb.example.com"));
    front = front.withSpec(front.spec().with(b -> {
      b.externalTrafficPolicy = "Local";
      b.healthCheckNodePort = 32001;
      b.loadBalancerSourceRanges = List.of("203.0.113.0/24", "198.51.100.0/24");
      b.loadBalancerIP = "203.0.113.10";
      return b;
    }));
    Service api = withExternalIps(nodePort(clusterIp("shop", "api", "10.96.7.7",
        Duration.ofDays(2), port("http", 80, Protocol.TCP, 8080, 30100),
        namedTarget("grpc", 9090, "grpc", 30101))), "198.51.100.7");
    api = api.withSpec(api.spec().with(b -> {
      b.sessionAffinity = "ClientIP";
      b.sessionAffinityTimeoutSeconds = Optional.of(10800);
      return b;
    }));
    Service cache = headless(clusterIp("shop", "cache", "None", Duration.ofMinutes(90),
        port("redis", 6379, Protocol.TCP, 6379, 0)));
    Service peers = headless(clusterIp("shop", "peers", "None", Duration.ofMinutes(90)));
    Service warming = clusterIp("shop", "warming", "10.96.3.8", Duration.ofSeconds(40),
        port("", 80, Protocol.TCP, 8080, 0));
    Service orphan = clusterIp("shop", "orphan", "10.96.9.9", Duration.ofDays(9),
        port("metrics", 9100, Protocol.TCP, 9100, 0));
    orphan = orphan.withSpec(orphan.spec().with(b -> {
      b.selector = Map.of();
      return b;
    }));
    objects.addAll(List.of(web, dns, externalName("shop", "db", "db.example.com",
        Duration.ofHours(2)), front, kubernetes, cache, api, peers, warming, orphan));

    Duration age = Duration.ofMinutes(5);
    objects.addAll(List.of(
        slice("kube-system", "kube-dns-7xk2p", "kube-dns", Duration.ofDays(30), List.of(
            EndpointPort.of("dns", 53, Protocol.UDP), tcp("dns-tcp", 53), tcp("metrics", 9153)),
            ready("10.244.0.2"), ready("10.244.0.3")),
        slice("shop", "web-x7k2q", "web", age, List.of(tcp("", 8080)), ready("10.244.1.5"),
            ready("10.244.2.5"), ready("10.244.3.5"), notReady("10.244.2.6"),
            ready("10.244.1.6")),
        slice("shop", "front-m4n7b", "front", Duration.ofHours(3),
            List.of(tcp("http", 8080), tcp("https", 8443)), ready("10.244.1.20"),
            ready("10.244.2.20"), ready("10.244.3.20"), notReady("10.244.1.21")),
        slice("shop", "api-q9w2e", "api", Duration.ofDays(2),
            List.of(tcp("http", 8080), tcp("grpc", 9090)), ready("10.244.1.7")),
        slice("shop", "api-k2x8p", "api", Duration.ofDays(2),
            List.of(tcp("http", 8080), tcp("grpc", 9091)), ready("10.244.2.7")),
        slice("shop", "cache-zz9xy", "cache", Duration.ofMinutes(90),
            List.of(tcp("redis", 6379)), ready("10.244.1.9"), terminating("10.244.2.9")),
        slice("shop", "peers-a1b2c", "peers", Duration.ofMinutes(90), List.of(),
            ready("10.244.1.10"), ready("10.244.2.10")),
        slice("shop", "warming-8xk2p", "warming", Duration.ofSeconds(40),
            List.of(tcp("", 8080)), notReady("10.244.3.8")),
        slice("shop", "external-metrics", "external-metrics", Duration.ofDays(9), List.of(
            new EndpointPort("metrics", Optional.empty(), Protocol.TCP, "")),
            Endpoint.at("192.0.2.10")),
        slice("shop", "web-placeholder", "web", Duration.ofMinutes(5), List.of())));

    objects.addAll(List.of(
        endpoints("shop", "web", age, subset(List.of("10.244.1.5", "10.244.2.5", "10.244.3.5",
            "10.244.1.6"), List.of("10.244.2.6"), tcp("", 8080))),
        endpoints("shop", "front", Duration.ofHours(3), subset(List.of("10.244.1.20",
            "10.244.2.20", "10.244.3.20"), List.of("10.244.1.21"), tcp("http", 8080),
            tcp("https", 8443))),
        endpoints("shop", "api", Duration.ofDays(2),
            subset(List.of("10.244.1.7"), List.of(), tcp("http", 8080), tcp("grpc", 9090)),
            subset(List.of("10.244.2.7"), List.of(), tcp("http", 8080), tcp("grpc", 9091))),
        endpoints("shop", "cache", Duration.ofMinutes(90),
            subset(List.of("10.244.1.9"), List.of(), tcp("redis", 6379))),
        endpoints("shop", "peers", Duration.ofMinutes(90),
            subset(List.of("10.244.1.10", "10.244.2.10"), List.of())),
        endpoints("shop", "warming", Duration.ofSeconds(40),
            subset(List.of(), List.of("10.244.3.8"), tcp("", 8080))),
        endpoints("shop", "orphan", Duration.ofDays(9))));
    return objects;
  }
}
