package io.kubenetsim.core;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.ClusterConfig;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointAddress;
import io.kubenetsim.model.EndpointConditions;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.EndpointSubset;
import io.kubenetsim.model.Endpoints;
import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServiceCIDR;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.ServiceSpec;
import io.kubenetsim.model.ServiceStatus;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.Protocol;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a new cluster holds before anyone applies anything, as kubeadm and kube-apiserver make
 * it: the four system namespaces, the default ServiceCIDR {@code kubernetes}, the {@code
 * default/kubernetes} Service at the range's first address with the API server's own endpoints,
 * and kubeadm's CoreDNS addon ({@link CoreDnsAddon}): {@code kube-system/kube-dns} at the tenth
 * address and the {@code coredns} Deployment behind it.
 */
final class Bootstrap {
  private Bootstrap() {}

  static void run(ApiStore store, ClusterConfig config) {
    for (String name : List.of("default", "kube-node-lease", "kube-public", "kube-system")) {
      store.create(Namespace.of(name), "Created", "system namespace");
    }
    List<String> cidrs = config.serviceCidrs().stream().map(Cidr::toString).toList();
    store.create(ServiceCIDR.of("kubernetes", cidrs), "Created",
        "--service-cluster-ip-range " + String.join(",", cidrs));
    Cidr range = config.serviceCidrs().get(0);
    kubernetesService(store, range.address(1).toString(), config.apiServerEndpoint());
    CoreDnsAddon.install(store, config);
  }

  private static void kubernetesService(ApiStore store, String clusterIP, String apiServer) {
    int colon = apiServer.lastIndexOf(':');
    String ip = apiServer.substring(0, colon);
    int port = Integer.parseInt(apiServer.substring(colon + 1));
    ServiceSpec spec = ServiceSpec.of(Map.of(), List.of(new ServicePort("https", Protocol.TCP,
        "", 443, IntOrString.of(port), 0))).with(b -> {
          b.clusterIP = clusterIP;
          return b;
        });
    store.create(new Service(ObjectMeta.named("default", "kubernetes")
        .withLabels(Labels.of(Map.of("component", "apiserver", "provider", "kubernetes"))),
        spec, ServiceStatus.empty()), "Created", "the API server's Service");
    EndpointPort https = EndpointPort.of("https", port, Protocol.TCP);
    store.create(new Endpoints(ObjectMeta.named("default", "kubernetes").withLabels(
        Labels.of("endpointslice.kubernetes.io/skip-mirror", "true")),
        ImmutableList.of(EndpointSubset.of(List.of(EndpointAddress.of(ip)), List.of(https)))),
        "Created", "written by the API server's endpoint reconciler");
    store.create(new EndpointSlice(ObjectMeta.named("default", "kubernetes").withLabels(
        Labels.of(EndpointSlice.SERVICE_NAME_LABEL, "kubernetes")), "IPv4",
        ImmutableList.of(new Endpoint(ImmutableList.of(ip), EndpointConditions.of(true, true,
            false), "", "", "", Optional.empty())), ImmutableList.of(https)),
        "Created", "written by the API server's endpoint reconciler");
  }

}
