package io.kubenetsim.core.kubectl;

import io.kubenetsim.ApiException;
import io.kubenetsim.ApplyResult;
import io.kubenetsim.Cluster;
import io.kubenetsim.ClusterConfig;
import io.kubenetsim.ConfigMapBuilder;
import io.kubenetsim.Connection;
import io.kubenetsim.DeploymentBuilder;
import io.kubenetsim.DeploymentHandle;
import io.kubenetsim.ExposeBuilder;
import io.kubenetsim.KubectlResult;
import io.kubenetsim.NodeHandle;
import io.kubenetsim.PodBuilder;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.StatefulSetBuilder;
import io.kubenetsim.StatefulSetHandle;
import io.kubenetsim.event.Events;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.ObjectRef;
import io.kubenetsim.model.Service;
import io.kubenetsim.net.HostPort;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A cluster that only holds objects and a clock: {@code list}, {@code get} and {@code now} work,
 * as do {@code getService}/{@code services} (handles over the Services given) and {@code
 * expose}, which records the options it is created with ({@link #exposed()}) and answers with a
 * handle named after {@code --name} or the target; everything else throws. {@code list} returns
 * objects in the order they were given — tests give them unsorted to prove the kubectl code
 * sorts for itself.
 */
final class FakeCluster implements Cluster {

  private final Instant now;
  private final List<KubernetesObject> objects;
  private final List<ExposeBuilder.Options> exposed = new ArrayList<>();

  FakeCluster(Instant now, List<? extends KubernetesObject> objects) {
    this.now = now;
    this.objects = List.copyOf(objects);
  }

  @Override
  public Instant now() {
    return now;
  }

  @Override
  public <T extends KubernetesObject> List<T> list(Class<T> type) {
    List<T> matching = new ArrayList<>();
    for (KubernetesObject object : objects) {
      if (type.isInstance(object)) {
        matching.add(type.cast(object));
      }
    }
    return matching;
  }

  @Override
  public <T extends KubernetesObject> List<T> list(Class<T> type, String namespace) {
    return list(type).stream().filter(o -> o.metadata().namespace().equals(namespace)).toList();
  }

  @Override
  public <T extends KubernetesObject> Optional<T> get(
      Class<T> type, String namespace, String name) {
    return list(type).stream()
        .filter(o -> o.metadata().namespace().equals(namespace)
            && o.metadata().name().equals(name))
        .findFirst();
  }

  /** {@return the options of every {@code expose(...).create()} call, in call order} */
  List<ExposeBuilder.Options> exposed() {
    return exposed;
  }

  @Override
  public ExposeBuilder expose(String target) {
    return new ExposeBuilder(target, options -> {
      exposed.add(options);
      String[] parts = options.target().split("/");
      String namespace = parts[parts.length - 2];
      return new Handle(new ObjectRef(Service.KIND, namespace,
          options.name().orElse(parts[parts.length - 1])));
    });
  }

  @Override
  public ServiceHandle getService(String namespacedName) {
    NamespacedName key = NamespacedName.parse(namespacedName);
    Handle handle = new Handle(new ObjectRef(Service.KIND, key.namespace(), key.name()));
    handle.get();
    return handle;
  }

  @Override
  public List<ServiceHandle> services(String namespace) {
    List<ServiceHandle> handles = new ArrayList<>();
    for (Service service : list(Service.class)) {
      if (service.metadata().namespace().equals(namespace)) {
        handles.add(new Handle(service.ref()));
      }
    }
    return handles;
  }

  /** A handle over the fake's objects: the Service itself and its slices; nothing live. */
  private final class Handle implements ServiceHandle {
    private final ObjectRef ref;

    Handle(ObjectRef ref) {
      this.ref = ref;
    }

    @Override
    public ObjectRef ref() {
      return ref;
    }

    @Override
    public boolean exists() {
      return FakeCluster.this.get(Service.class, ref.namespace(), ref.name()).isPresent();
    }

    @Override
    public Service get() {
      return FakeCluster.this.get(Service.class, ref.namespace(), ref.name()).orElseThrow(() ->
          new ApiException(ApiException.Reason.NOT_FOUND,
              "services \"" + ref.name() + "\" not found"));
    }

    @Override
    public int nodePort(int port) {
      throw unsupported();
    }

    @Override
    public int nodePort(String portName) {
      throw unsupported();
    }

    @Override
    public List<String> loadBalancerIngress() {
      throw unsupported();
    }

    @Override
    public List<HostPort> endpoints() {
      throw unsupported();
    }

    @Override
    public List<EndpointSlice> slices() {
      List<EndpointSlice> slices = new ArrayList<>();
      for (EndpointSlice slice : list(EndpointSlice.class)) {
        if (slice.metadata().namespace().equals(ref.namespace())
            && slice.serviceName().equals(ref.name())) {
          slices.add(slice);
        }
      }
      return slices;
    }

    @Override
    public void delete() {
      throw unsupported();
    }
  }

  private static UnsupportedOperationException unsupported() {
    return new UnsupportedOperationException("FakeCluster only supports list, get and now");
  }

  @Override
  public ClusterConfig config() {
    throw unsupported();
  }

  @Override
  public Duration elapsed() {
    throw unsupported();
  }

  @Override
  public boolean step() {
    throw unsupported();
  }

  @Override
  public Cluster runFor(Duration duration) {
    throw unsupported();
  }

  @Override
  public Cluster settle() {
    throw unsupported();
  }

  @Override
  public int pendingEvents() {
    throw unsupported();
  }

  @Override
  public Events events() {
    throw unsupported();
  }

  @Override
  public Optional<Connection> lastConnection() {
    throw unsupported();
  }

  @Override
  public Namespace createNamespace(String name) {
    throw unsupported();
  }

  @Override
  public List<Namespace> namespaces() {
    throw unsupported();
  }

  @Override
  public List<NodeHandle> nodes() {
    throw unsupported();
  }

  @Override
  public NodeHandle node(String name) {
    throw unsupported();
  }

  @Override
  public NodeHandle addNode(String name) {
    throw unsupported();
  }

  @Override
  public PodBuilder pod(String namespacedName) {
    throw unsupported();
  }

  @Override
  public PodHandle getPod(String namespacedName) {
    throw unsupported();
  }

  @Override
  public List<PodHandle> pods() {
    throw unsupported();
  }

  @Override
  public List<PodHandle> pods(String namespace, String selector) {
    throw unsupported();
  }

  @Override
  public DeploymentBuilder deployment(String namespacedName) {
    throw unsupported();
  }

  @Override
  public StatefulSetBuilder statefulSet(String namespacedName) {
    throw unsupported();
  }

  @Override
  public StatefulSetHandle getStatefulSet(String namespacedName) {
    throw unsupported();
  }

  @Override
  public List<StatefulSetHandle> statefulSets(String namespace) {
    throw unsupported();
  }

  @Override
  public ConfigMapBuilder configMap(String namespacedName) {
    throw unsupported();
  }

  @Override
  public DeploymentHandle getDeployment(String namespacedName) {
    throw unsupported();
  }

  @Override
  public List<DeploymentHandle> deployments(String namespace) {
    throw unsupported();
  }

  @Override
  public ApplyResult apply(KubernetesObject... objects) {
    throw unsupported();
  }

  @Override
  public ApplyResult apply(Path... files) {
    throw unsupported();
  }

  @Override
  public ApplyResult applyYaml(String manifests) {
    throw unsupported();
  }

  @Override
  public void delete(ObjectRef object) {
    throw unsupported();
  }

  @Override
  public KubectlResult kubectlResult(String commandLine) {
    throw unsupported();
  }

  @Override
  public io.kubenetsim.ServiceBuilder service(String namespacedName) {
    throw unsupported();
  }

  @Override
  public io.kubenetsim.UpstreamZoneBuilder upstreamZone(String name) {
    throw unsupported();
  }

  @Override
  public List<io.kubenetsim.dns.ResourceRecord> dnsRecords(java.util.Optional<String> ns) {
    throw unsupported();
  }

  @Override
  public io.kubenetsim.NetworkPolicyBuilder networkPolicy(String namespacedName) {
    throw unsupported();
  }

  @Override
  public io.kubenetsim.PortForward portForward(String target, int localPort, String remote) {
    throw unsupported();
  }

  @Override
  public io.kubenetsim.ExternalClient external(String ip) {
    throw unsupported();
  }

  @Override
  public io.kubenetsim.net.Reachability reachability(List<String> from, List<String> to,
      int port, io.kubenetsim.net.Protocol protocol) {
    throw unsupported();
  }

  @Override
  public io.kubenetsim.net.Reachability reachability(int port,
      io.kubenetsim.net.Protocol protocol, String... namespaces) {
    throw unsupported();
  }

  @Override
  public io.kubenetsim.net.Reachability reachabilityToServices(List<String> from,
      List<String> to, int port, io.kubenetsim.net.Protocol protocol) {
    throw unsupported();
  }

  @Override
  public io.kubenetsim.net.Reachability reachabilityToServices(int port,
      io.kubenetsim.net.Protocol protocol, String... namespaces) {
    throw unsupported();
  }

  @Override
  public KubectlResult kubectlResult(List<String> argv) {
    throw unsupported();
  }

  @Override
  public ApplyResult applyIn(String namespace, Path... files) {
    throw unsupported();
  }
}
