package io.kubenetsim.core;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import io.kubenetsim.ClusterConfig;
import io.kubenetsim.ClusterDns;
import io.kubenetsim.core.dns.CoreDnsFleet;
import io.kubenetsim.core.dns.Corefile;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.dns.ResolvConf;
import io.kubenetsim.model.ConfigMap;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.DeploymentSpec;
import io.kubenetsim.model.DeploymentStrategy;
import io.kubenetsim.model.DnsPolicy;
import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.PodSpec;
import io.kubenetsim.model.PodTemplateSpec;
import io.kubenetsim.model.Probe;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.ServiceSpec;
import io.kubenetsim.model.ServiceStatus;
import io.kubenetsim.model.WorkloadStatus;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * kubeadm's CoreDNS addon ({@code cmd/kubeadm/app/phases/addons/dns/manifests.go}): the {@code
 * kube-system/kube-dns} Service at the service range's tenth address and the {@code coredns}
 * Deployment behind it, whose pods use the node's resolver ({@code dnsPolicy: Default}) and
 * serve 53/UDP, 53/TCP and metrics on 9153.
 *
 * <p>Simplification: the pod template keeps what networking depends on (labels, ports, the
 * readiness probe, {@code dnsPolicy}); the anti-affinity that spreads the replicas over nodes,
 * the tolerations, resources and volumes are not modelled.
 */
final class CoreDnsAddon {
  static final String NAMESPACE = "kube-system";
  static final String DEPLOYMENT = "coredns";
  static final String SERVICE = "kube-dns";
  static final Labels LABELS = Labels.of("k8s-app", "kube-dns");
  static final String IMAGE = "registry.k8s.io/coredns/coredns:v1.13.1";

  private CoreDnsAddon() {}

  /** {@return the kube-dns ClusterIP: the tenth address of the first service range} */
  static IpAddress clusterIp(ClusterConfig config) {
    return config.serviceCidrs().get(0).address(10);
  }

  /**
   * {@return the nodes' own resolv.conf: as configured, else the node network's first address
   * as the only nameserver (in kind, the Docker network's resolver)}
   */
  static ResolvConf nodeResolvConf(ClusterConfig config) {
    return config.dns().nodeResolvConf().orElseGet(() -> ResolvConf.of(
        List.of(config.nodeNetwork().address(1)), List.of(), List.of()));
  }

  static void install(ApiStore store, ClusterConfig config) {
    ClusterDns dns = config.dns();
    service(store, clusterIp(config));
    store.create(new ConfigMap(ObjectMeta.named(NAMESPACE, CoreDnsFleet.CONFIG_MAP.name()),
        ImmutableSortedMap.of(CoreDnsFleet.COREFILE_KEY, Corefile.kubeadm(dns.clusterDomain())),
        ImmutableSortedMap.of(), Optional.empty()), "Created", "kubeadm's Corefile");
    if (dns.coreDnsReplicas() > 0) {
      deployment(store, dns.coreDnsReplicas());
    }
  }

  private static void service(ApiStore store, IpAddress clusterIP) {
    ServiceSpec spec = ServiceSpec.of(LABELS.asMap(), List.of(
        new ServicePort("dns", Protocol.UDP, "", 53, IntOrString.of(53), 0),
        new ServicePort("dns-tcp", Protocol.TCP, "", 53, IntOrString.of(53), 0),
        new ServicePort("metrics", Protocol.TCP, "", 9153, IntOrString.of(9153), 0)))
        .with(b -> {
          b.clusterIP = clusterIP.toString();
          return b;
        });
    store.create(new Service(ObjectMeta.named(NAMESPACE, SERVICE)
        .withLabels(Labels.of(Map.of("k8s-app", "kube-dns", "kubernetes.io/cluster-service",
            "true", "kubernetes.io/name", "CoreDNS")))
        .withAnnotations(Map.of("prometheus.io/port", "9153", "prometheus.io/scrape", "true")),
        spec, ServiceStatus.empty()), "Created", "kubeadm's cluster DNS Service");
  }

  private static void deployment(ApiStore store, int replicas) {
    Container coredns = new Container("coredns", IMAGE, ImmutableList.of(
        new ContainerPort("dns", 53, Protocol.UDP, 0),
        new ContainerPort("dns-tcp", 53, Protocol.TCP, 0),
        new ContainerPort("metrics", 9153, Protocol.TCP, 0),
        new ContainerPort("liveness-probe", 8080, Protocol.TCP, 0),
        new ContainerPort("readiness-probe", 8181, Protocol.TCP, 0)),
        Optional.of(Probe.defaults()));
    PodSpec pod = PodSpec.of(List.of(coredns)).withDns(DnsPolicy.DEFAULT,
        Optional.empty());
    PodTemplateSpec template = new PodTemplateSpec(ObjectMeta.named("").withLabels(LABELS), pod);
    DeploymentStrategy strategy = new DeploymentStrategy(DeploymentStrategy.ROLLING_UPDATE,
        IntOrString.of("25%"), IntOrString.of(1));
    store.create(new Deployment(ObjectMeta.named(NAMESPACE, DEPLOYMENT).withLabels(LABELS),
        new DeploymentSpec(replicas, LabelSelector.matchLabels(LABELS), template, strategy, 0,
            10), WorkloadStatus.empty()), "Created", "kubeadm's CoreDNS Deployment");
  }
}
