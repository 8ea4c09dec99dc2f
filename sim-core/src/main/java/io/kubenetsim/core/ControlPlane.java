package io.kubenetsim.core;

import io.kubenetsim.CloudProvider;
import io.kubenetsim.NetworkPolicyEnforcement;
import io.kubenetsim.ClusterConfig;
import io.kubenetsim.core.controllers.DeploymentController;
import io.kubenetsim.core.controllers.ServiceLoadBalancerController;
import io.kubenetsim.core.controllers.endpoints.EndpointSliceController;
import io.kubenetsim.core.controllers.endpoints.EndpointSliceMirroringController;
import io.kubenetsim.core.controllers.endpoints.EndpointsController;
import io.kubenetsim.core.store.alloc.ClusterIpAllocator;
import io.kubenetsim.core.store.alloc.NodePortAllocator;
import io.kubenetsim.core.store.alloc.ServiceAllocator;
import io.kubenetsim.core.store.alloc.ServiceCidrStrategy;
import io.kubenetsim.core.store.alloc.ServiceStrategy;
import io.kubenetsim.core.store.validation.NetworkPolicyDefaults;
import io.kubenetsim.core.store.validation.ServiceValidation;
import io.kubenetsim.core.store.validation.StatefulSetDefaults;
import io.kubenetsim.core.controllers.GarbageCollector;
import io.kubenetsim.core.controllers.NamespaceController;
import io.kubenetsim.core.controllers.NodeIpamController;
import io.kubenetsim.core.controllers.NodeLifecycleController;
import io.kubenetsim.core.controllers.OwnerIndex;
import io.kubenetsim.core.controllers.PodGarbageCollector;
import io.kubenetsim.core.controllers.ReplicaSetController;
import io.kubenetsim.core.controllers.StatefulSetController;
import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.core.kubelet.NodeAgents;
import io.kubenetsim.core.dns.CoreDnsFleet;
import io.kubenetsim.core.dns.CorefileAdmission;
import io.kubenetsim.core.dns.InternetDns;
import io.kubenetsim.core.kubelet.PodDns;
import io.kubenetsim.core.net.CoreDnsForwarding;
import io.kubenetsim.core.net.Dataplane;
import io.kubenetsim.core.net.DnsTraffic;
import io.kubenetsim.core.net.PodAddresses;
import io.kubenetsim.core.policy.NetworkPolicyEngine;
import io.kubenetsim.core.proxy.KubeProxyFleet;
import io.kubenetsim.core.proxy.ProxyBackends;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.core.scheduler.Scheduler;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.Informer;
import io.kubenetsim.core.store.InformerFactory;
import io.kubenetsim.core.store.ObjectValidation;
import io.kubenetsim.core.store.WriteStrategy;
import io.kubenetsim.model.ConfigMap;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.Endpoints;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServiceCIDR;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.ReplicaSet;
import io.kubenetsim.model.StatefulSet;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Wires the simulated components together, in the order a cluster starts them: the API store,
 * shared informers (all with the configured lag), kube-controller-manager's controllers (and the
 * simulated cloud's service controller, unless the cloud provider is {@code NONE}),
 * kube-scheduler and the kubelets. Registration order is handler order, which is part of what
 * makes runs reproducible, so it is fixed here in one place.
 */
final class ControlPlane {
  final Simulator sim;
  final ApiStore store;
  final NodeAgents kubelets;
  final NodeLifecycleController nodeLifecycle;
  final ServiceAllocator serviceAllocator;
  final KubeProxyFleet proxies;
  final Dataplane dataplane;
  /** The NetworkPolicy engine, when the network plugin enforces policies. */
  final Optional<NetworkPolicyEngine> policies;
  /** Each pod's resolv.conf, as its kubelet writes it. */
  final PodDns podDns;
  /** CoreDNS's processes, in the pods of the coredns Deployment. */
  final CoreDnsFleet coreDns;
  /** The DNS of the world outside the cluster. */
  final InternetDns internet;
  /** DNS queries as UDP traffic. */
  final DnsTraffic dnsTraffic;
  /** The last connection a handle made, for a failing test's report. */
  final LastConnection lastConnection = new LastConnection();

  ControlPlane(ClusterConfig config, ObjectValidation validation) {
    this.sim = new Simulator(config.seed(), config.startTime());
    this.store = new ApiStore(sim, validation);
    ClusterIpAllocator clusterIps = new ClusterIpAllocator(sim.random("apiserver/cluster-ip"));
    this.serviceAllocator = new ServiceAllocator(clusterIps, new NodePortAllocator(
        config.nodePortRange(), sim.random("apiserver/node-port")));
    store.registerStrategy(Service.KIND, new ServiceStrategy(serviceAllocator,
        new ServiceValidation(config.serviceCidrs())));
    store.registerStrategy(ServiceCIDR.KIND, new ServiceCidrStrategy(clusterIps));
    store.registerStrategy(NetworkPolicy.KIND,
        WriteStrategy.defaulting(NetworkPolicy.class, NetworkPolicyDefaults::apply));
    store.registerStrategy(StatefulSet.KIND,
        WriteStrategy.defaulting(StatefulSet.class, StatefulSetDefaults::apply));
    store.registerStrategy(ConfigMap.KIND, new CorefileAdmission());
    Duration lag = config.timing().informerLag();
    InformerFactory factory = new InformerFactory(sim, store);
    Informer<Namespace> namespaces = factory.informer(Namespace.class, lag);
    Informer<Node> nodes = factory.informer(Node.class, lag);
    Informer<Pod> pods = factory.informer(Pod.class, lag);
    Informer<ReplicaSet> replicaSets = factory.informer(ReplicaSet.class, lag);
    Informer<Deployment> deployments = factory.informer(Deployment.class, lag);
    Informer<StatefulSet> statefulSets = factory.informer(StatefulSet.class, lag);
    Informer<Service> services = factory.informer(Service.class, lag);
    Informer<EndpointSlice> slices = factory.informer(EndpointSlice.class, lag);
    Informer<Endpoints> endpoints = factory.informer(Endpoints.class, lag);
    pods.addIndex(OwnerIndex.NAME, OwnerIndex::keys);
    pods.addIndex(Scheduler.NODE_INDEX, p -> List.of(p.spec().nodeName()));
    replicaSets.addIndex(OwnerIndex.NAME, OwnerIndex::keys);
    slices.addIndex(OwnerIndex.NAME, OwnerIndex::keys);
    slices.addIndex(EndpointSliceController.SERVICE_INDEX, EndpointSliceController::indexKeys);

    new NodeIpamController(sim, store, nodes, config.clusterCidr(), config.nodeCidrMaskSize());
    this.podDns = new PodDns(List.of(CoreDnsAddon.clusterIp(config)),
        config.dns().clusterDomain(), CoreDnsAddon.nodeResolvConf(config));
    this.kubelets = new NodeAgents(sim, store, config.timing(), podDns, nodes, pods);
    this.nodeLifecycle = new NodeLifecycleController(sim, store, config.timing(),
        kubelets::isUp, name -> pods.byIndex(Scheduler.NODE_INDEX, name));
    new Scheduler(sim, store, pods, nodes, config.timing());
    new ReplicaSetController(sim, store, replicaSets, pods);
    new DeploymentController(sim, store, deployments, replicaSets);
    new StatefulSetController(sim, store, statefulSets, pods);
    GarbageCollector gc = new GarbageCollector(store);
    gc.watchDependents(replicaSets);
    gc.watchDependents(pods);
    gc.watchOwners(deployments);
    gc.watchOwners(statefulSets);
    new PodGarbageCollector(sim, store, nodes, pods);
    new NamespaceController(sim, store, namespaces, pods);
    new EndpointSliceController(sim, store, services, pods, nodes, slices,
        config.maxEndpointsPerSlice());
    new EndpointsController(sim, store, services, pods, nodes);
    new EndpointSliceMirroringController(sim, store, services, endpoints, slices,
        config.maxEndpointsPerSlice());
    if (config.cloudProvider() == CloudProvider.SIMULATED) {
      new ServiceLoadBalancerController(sim, store, services, config.loadBalancerPool(),
          config.timing().loadBalancerProvisioning());
    }
    gc.watchDependents(slices);
    gc.watchOwners(services);
    this.proxies = new KubeProxyFleet(sim, config, services, slices, nodes, kubelets.stopped(),
        ProxyBackends.forMode(config.kubeProxy().mode()));
    List<Cidr> internal = new java.util.ArrayList<>(config.serviceCidrs());
    internal.add(config.clusterCidr());
    this.policies = config.networkPolicy() == NetworkPolicyEnforcement.ENFORCE
        ? Optional.of(policyEngine(factory, config.timing().policyAgentLag()))
        : Optional.empty();
    this.dataplane = new Dataplane(sim, store, proxies, new PodAddresses(store),
        kubelets::isUp, internal, policies);
    CoreDnsForwarding forwarding = new CoreDnsForwarding(store,
        pod -> podDns.forPod(pod).resolvConf());
    this.coreDns = new CoreDnsFleet(sim, store, factory, lag, config.dns().clusterDomain(),
        forwarding);
    this.internet = new InternetDns(store);
    this.dnsTraffic = new DnsTraffic(dataplane, store, coreDns, internet);
    forwarding.connect(dnsTraffic, coreDns);
  }

  /** The network plugin's agents, which see the API through their own (lagging) informers. */
  private static NetworkPolicyEngine policyEngine(InformerFactory factory, Duration lag) {
    return new NetworkPolicyEngine(factory.informer(NetworkPolicy.class, lag),
        factory.informer(Pod.class, lag), factory.informer(Namespace.class, lag),
        factory.informer(Node.class, lag));
  }
}
