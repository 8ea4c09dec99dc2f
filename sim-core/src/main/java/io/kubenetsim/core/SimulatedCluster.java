package io.kubenetsim.core;

import static com.google.common.base.Preconditions.checkArgument;

import io.kubenetsim.ApiException;
import io.kubenetsim.ApplyResult;
import io.kubenetsim.Cluster;
import io.kubenetsim.ClusterConfig;
import io.kubenetsim.ConfigMapBuilder;
import io.kubenetsim.Connection;
import io.kubenetsim.DeploymentBuilder;
import io.kubenetsim.DeploymentHandle;
import io.kubenetsim.ExposeBuilder;
import io.kubenetsim.ExternalClient;
import io.kubenetsim.KubectlResult;
import io.kubenetsim.NetworkPolicyBuilder;
import io.kubenetsim.NodeHandle;
import io.kubenetsim.PodBuilder;
import io.kubenetsim.PodHandle;
import io.kubenetsim.PortForward;
import io.kubenetsim.ServiceBuilder;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.StatefulSetBuilder;
import io.kubenetsim.StatefulSetHandle;
import io.kubenetsim.UpstreamZoneBuilder;
import io.kubenetsim.core.dns.CoreDnsServer;
import io.kubenetsim.core.dns.ZoneListing;
import io.kubenetsim.core.kubectl.KubectlCommand;
import io.kubenetsim.core.kubectl.ManifestFormatter;
import io.kubenetsim.core.manifest.ManifestDocument;
import io.kubenetsim.core.manifest.ManifestReader;
import io.kubenetsim.core.manifest.ManifestWriter;
import io.kubenetsim.core.net.Source;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.AtomicApply;
import io.kubenetsim.core.store.Kinds;
import io.kubenetsim.core.store.ObjectValidation;
import io.kubenetsim.dns.DnsName;
import io.kubenetsim.dns.ResourceRecord;
import io.kubenetsim.event.Events;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.ObjectRef;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.StatefulSet;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import io.kubenetsim.net.Reachability;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@link Cluster} implementation: a {@link ControlPlane} behind the fluent API. Writes go
 * through the store's validation; time moves only in the drive methods.
 */
final class SimulatedCluster implements Cluster {
  private final ClusterConfig config;
  private final ControlPlane plane;
  private final AtomicApply applier;
  private final Reachabilities reachabilities;
  private final ManifestReader reader = new ManifestReader();
  private final KubectlCommand kubectl;
  private long nextNodeAddress = 2;

  SimulatedCluster(ClusterConfig config, ObjectValidation validation) {
    this.config = config;
    this.plane = new ControlPlane(config, validation);
    this.applier = new AtomicApply(plane.store);
    this.reachabilities = new Reachabilities(plane.store, plane.policies);
    this.kubectl = new KubectlCommand(this, new ManifestFormatter(new ManifestWriter()));
    Bootstrap.run(plane.store, config);
    for (int i = 1; i <= config.initialNodes(); i++) {
      addNode("node-" + i);
    }
  }

  ControlPlane plane() {
    return plane;
  }

  @Override
  public ClusterConfig config() {
    return config;
  }

  // ---- time ----

  @Override
  public Instant now() {
    return plane.sim.clock().now();
  }

  @Override
  public Duration elapsed() {
    return plane.sim.clock().elapsed();
  }

  @Override
  public boolean step() {
    return plane.sim.step();
  }

  @Override
  public Cluster runFor(Duration duration) {
    plane.sim.runFor(duration);
    return this;
  }

  @Override
  public Cluster settle() {
    plane.sim.settle(config.maxSettleEvents());
    return this;
  }

  @Override
  public int pendingEvents() {
    return plane.sim.pending();
  }

  @Override
  public Optional<Connection> lastConnection() {
    return plane.lastConnection.get();
  }

  @Override
  public Events events() {
    return plane.sim.log().snapshot();
  }

  // ---- namespaces and nodes ----

  @Override
  public Namespace createNamespace(String name) {
    return plane.store.create(Namespace.of(name), "Created", "by the user");
  }

  @Override
  public List<Namespace> namespaces() {
    return plane.store.list(Namespace.class);
  }

  @Override
  public List<NodeHandle> nodes() {
    return plane.store.list(Node.class).stream()
        .map(n -> (NodeHandle) new LiveNode(plane, n.metadata().name())).toList();
  }

  @Override
  public NodeHandle node(String name) {
    if (plane.store.get(Node.class, NamespacedName.of("", name)).isEmpty()) {
      throw new ApiException(ApiException.Reason.NOT_FOUND, "nodes \"" + name + "\" not found; "
          + "nodes are: " + plane.store.list(Node.class).stream().map(n -> n.metadata().name())
              .collect(Collectors.joining(", ", "[", "]")));
    }
    return new LiveNode(plane, name);
  }

  @Override
  public NodeHandle addNode(String name) {
    String ip = config.nodeNetwork().address(nextNodeAddress).toString();
    plane.store.create(Node.of(name, ip), "RegisteredNode", "InternalIP " + ip);
    nextNodeAddress++;
    return new LiveNode(plane, name);
  }

  // ---- workloads ----

  @Override
  public PodBuilder pod(String namespacedName) {
    return new PodBuilder(NamespacedName.parse(namespacedName), pod -> {
      Pod created = plane.store.create(pod, "Created", "by the user");
      return new LivePod(plane, created.ref());
    });
  }

  @Override
  public PodHandle getPod(String namespacedName) {
    return existing(Pod.KIND, namespacedName, ref -> new LivePod(plane, ref));
  }

  @Override
  public List<PodHandle> pods() {
    return handles(plane.store.list(Pod.class), ref -> new LivePod(plane, ref));
  }

  @Override
  public List<PodHandle> pods(String namespace, String selector) {
    LabelSelector parsed = LabelSelector.parse(selector);
    return plane.store.list(Pod.class, namespace, parsed).stream()
        .map(p -> (PodHandle) new LivePod(plane, p.ref())).toList();
  }

  @Override
  public DeploymentBuilder deployment(String namespacedName) {
    return new DeploymentBuilder(NamespacedName.parse(namespacedName), d -> {
      Deployment created = plane.store.create(d, "Created", "by the user");
      return new LiveDeployment(plane, created.ref());
    });
  }

  @Override
  public DeploymentHandle getDeployment(String namespacedName) {
    return existing(Deployment.KIND, namespacedName, ref -> new LiveDeployment(plane, ref));
  }

  @Override
  public List<DeploymentHandle> deployments(String namespace) {
    return handles(plane.store.list(Deployment.class, namespace),
        ref -> new LiveDeployment(plane, ref));
  }

  @Override
  public StatefulSetBuilder statefulSet(String namespacedName) {
    return new StatefulSetBuilder(NamespacedName.parse(namespacedName), set -> {
      StatefulSet created = plane.store.create(set, "Created", "by the user");
      return new LiveStatefulSet(plane, created.ref());
    });
  }

  @Override
  public StatefulSetHandle getStatefulSet(String namespacedName) {
    return existing(StatefulSet.KIND, namespacedName, ref -> new LiveStatefulSet(plane, ref));
  }

  @Override
  public List<StatefulSetHandle> statefulSets(String namespace) {
    return handles(plane.store.list(StatefulSet.class, namespace),
        ref -> new LiveStatefulSet(plane, ref));
  }

  // ---- configuration ----

  @Override
  public ConfigMapBuilder configMap(String namespacedName) {
    return new ConfigMapBuilder(NamespacedName.parse(namespacedName),
        configMap -> plane.store.create(configMap, "Created", "by the user"));
  }

  // ---- services ----

  @Override
  public ServiceBuilder service(String namespacedName) {
    return new ServiceBuilder(NamespacedName.parse(namespacedName), service -> {
      Service created = plane.store.create(service, "Created", "by the user");
      return new LiveService(plane, created.ref());
    });
  }

  @Override
  public ExposeBuilder expose(String target) {
    return new ExposeBuilder(target, options -> {
      Service created = plane.store.create(Expose.build(plane.store, options), "Created",
          "exposed " + options.target());
      return new LiveService(plane, created.ref());
    });
  }

  @Override
  public ServiceHandle getService(String namespacedName) {
    return existing(Service.KIND, namespacedName, ref -> new LiveService(plane, ref));
  }

  @Override
  public List<ServiceHandle> services(String namespace) {
    return handles(plane.store.list(Service.class, namespace),
        ref -> new LiveService(plane, ref));
  }

  // ---- network policies ----

  @Override
  public NetworkPolicyBuilder networkPolicy(String namespacedName) {
    return new NetworkPolicyBuilder(NamespacedName.parse(namespacedName),
        policy -> plane.store.create(policy, "Created", "by the user"));
  }

  @Override
  public UpstreamZoneBuilder upstreamZone(String name) {
    return new UpstreamZoneBuilder(name, zone -> plane.store.create(zone, "Created",
        "by the user"));
  }

  @Override
  public List<ResourceRecord> dnsRecords(Optional<String> namespace) {
    CoreDnsServer server = plane.coreDns.anyServer().orElseThrow(() ->
        new IllegalStateException("no CoreDNS pod is running (kube-system/coredns has no "
            + "running pod); scale it up or settle() first"));
    return ZoneListing.of(plane.coreDns.zone(), server,
        DnsName.of(config.dns().clusterDomain()), namespace);
  }

  /**
   * {@return a handle to an existing namespaced object}
   *
   * @throws io.kubenetsim.ApiException NotFound when it does not exist
   */
  private <H> H existing(String kind, String namespacedName,
      java.util.function.Function<ObjectRef, H> handle) {
    ObjectRef ref = ObjectRef.namespaced(kind, NamespacedName.parse(namespacedName));
    plane.store.get(ref).orElseThrow(() -> ApiStore.notFound(ref));
    return handle.apply(ref);
  }

  /** {@return handles to these objects, in the store's order} */
  private static <H> List<H> handles(List<? extends KubernetesObject> objects,
      java.util.function.Function<ObjectRef, H> handle) {
    return objects.stream().map(o -> handle.apply(o.ref())).toList();
  }

  // ---- traffic ----

  @Override
  public ExternalClient external(String ip) {
    IpAddress address = IpAddress.parse(ip);
    Source outside = new Source(Source.Kind.EXTERNAL, address, Optional.empty(), false,
        "external " + ip);
    return new ExternalClient() {
      @Override
      public Connection connect(String destination, int port, Protocol protocol) {
        return plane.lastConnection.record(plane.dataplane.connect(outside,
            IpAddress.parse(destination), port, protocol));
      }

      @Override
      public Connection connectVia(String node, String destination, int port,
          Protocol protocol) {
        node(node);
        return plane.lastConnection.record(plane.dataplane.connect(new Source(
            Source.Kind.EXTERNAL, address, Optional.of(node), false,
            "external " + ip + " via " + node), IpAddress.parse(destination), port, protocol));
      }
    };
  }

  @Override
  public PortForward portForward(String target, int localPort, String remotePort) {
    return PortForwards.open(plane, target, localPort, remotePort);
  }

  // ---- any object ----

  @Override
  public Reachability reachability(List<String> fromPods, List<String> toPods, int port,
      Protocol protocol) {
    return reachabilities.pods(fromPods, toPods, port, protocol);
  }

  @Override
  public Reachability reachability(int port, Protocol protocol, String... namespaces) {
    List<String> pods = reachabilities.podsIn(List.of(namespaces));
    return reachabilities.pods(pods, pods, port, protocol);
  }

  @Override
  public Reachability reachabilityToServices(List<String> fromPods, List<String> toServices,
      int port, Protocol protocol) {
    return reachabilities.services(fromPods, toServices, port, protocol);
  }

  @Override
  public Reachability reachabilityToServices(int port, Protocol protocol,
      String... namespaces) {
    return reachabilities.services(reachabilities.podsIn(List.of(namespaces)),
        reachabilities.servicesIn(List.of(namespaces)), port, protocol);
  }

  @Override
  public ApplyResult apply(KubernetesObject... objects) {
    return applier.apply(Stream.of(objects)
        .map(o -> new AtomicApply.Item(Optional.empty(), defaultNamespace(o, "default")))
        .toList());
  }

  @Override
  public ApplyResult apply(Path... files) {
    return applyIn("default", files);
  }

  @Override
  public ApplyResult applyYaml(String text) {
    return applier.apply(items(reader.read(text, "<string>"), "default"));
  }

  @Override
  public ApplyResult applyIn(String namespace, Path... files) {
    return applier.apply(items(reader.read(files), namespace));
  }

  private static List<AtomicApply.Item> items(List<ManifestDocument> documents,
      String namespace) {
    return documents.stream().map(d -> new AtomicApply.Item(Optional.of(d.source()),
        defaultNamespace(d.object(), namespace))).toList();
  }

  static KubernetesObject defaultNamespace(KubernetesObject object, String namespace) {
    if (Kinds.isNamespaced(object.kind()) && object.metadata().namespace().isEmpty()) {
      return object.withMetadata(object.metadata().withNamespace(namespace));
    }
    return object;
  }

  @Override
  public <T extends KubernetesObject> Optional<T> get(Class<T> type, String namespace,
      String name) {
    return plane.store.get(type, NamespacedName.of(namespace, name));
  }

  @Override
  public <T extends KubernetesObject> List<T> list(Class<T> type) {
    return plane.store.list(type);
  }

  @Override
  public <T extends KubernetesObject> List<T> list(Class<T> type, String namespace) {
    return plane.store.list(type, namespace);
  }

  @Override
  public void delete(ObjectRef object) {
    checkArgument(object != null, "object must not be null");
    plane.store.delete(object, Optional.empty(), "Deleting", "deleted by the user");
  }

  @Override
  public KubectlResult kubectlResult(String commandLine) {
    return kubectl.run(commandLine);
  }

  @Override
  public KubectlResult kubectlResult(List<String> argv) {
    return kubectl.run(argv);
  }

  @Override
  public String toString() {
    return "Cluster(seed " + config.seed() + ", " + plane.store.list(Node.class).size()
        + " nodes, " + plane.store.list(Pod.class).size() + " pods, +" + elapsed() + ")";
  }
}
