package io.kubenetsim;

import io.kubenetsim.dns.ResourceRecord;
import io.kubenetsim.event.Events;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.ObjectRef;
import io.kubenetsim.net.Protocol;
import io.kubenetsim.net.Reachability;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A simulated Kubernetes cluster: an API store, controllers, kubelets — all driven by one
 * virtual clock and one seed. Build one with {@link KubeSim#cluster()}.
 *
 * <p>Time only passes in {@link #step()}, {@link #runFor(Duration)} and {@link #settle()};
 * everything else reads or writes the API at the current virtual instant. Writes are validated
 * as kube-apiserver validates them, and a rejected write changes nothing. Confined to one
 * thread. Not for implementation outside io.kubenetsim.
 *
 * <pre>{@code
 * Cluster c = KubeSim.cluster().nodes(3).seed(42).build();
 * c.createNamespace("shop");
 * c.deployment("shop/web").replicas(3).label("app", "web").containerPort("http", 8080).create();
 * c.settle();
 * PodHandle pod = c.pods("shop", "app=web").get(0);
 * pod.delete();
 * c.settle();
 * System.out.println(c.kubectl("get pods -n shop -o wide"));
 * }</pre>
 */
public interface Cluster {

  /** {@return the configuration the cluster was built from} */
  ClusterConfig config();

  /** {@return the seed all randomness derives from} */
  default long seed() {
    return config().seed();
  }

  // ---- time ----

  /** {@return the current virtual time} */
  Instant now();

  /** {@return how much virtual time has passed since the simulation began} */
  Duration elapsed();

  /** Runs the next pending event. {@return whether there was one} */
  boolean step();

  /** Runs every event due within the next {@code duration}, then sets the clock to its end. */
  Cluster runFor(Duration duration);

  /**
   * Runs until no event is pending: every controller has caught up and every pod has reached
   * a steady state.
   *
   * @throws NotSettledException when more than {@link ClusterConfig#maxSettleEvents()} events
   *     run without the cluster settling (a crash-looping pod, say); the message names the
   *     seed, the time and the events that keep recurring
   */
  Cluster settle();

  /** {@return how many events are waiting to run} */
  int pendingEvents();

  /** {@return every state change recorded so far} */
  Events events();

  /**
   * {@return the last connection a handle of this cluster made} (from a pod, a node, an external
   * client or a port-forward): what a failing test's report explains; empty before the first
   */
  Optional<Connection> lastConnection();

  // ---- namespaces and nodes ----

  /** Creates a namespace. {@return it} */
  Namespace createNamespace(String name);

  /** {@return the namespaces, by name} */
  List<Namespace> namespaces();

  /** {@return the nodes, by name} */
  List<NodeHandle> nodes();

  /**
   * {@return the node with this name}
   *
   * @throws ApiException (NotFound) naming the existing nodes when there is none
   */
  NodeHandle node(String name);

  /** Adds a node with the next free IP of the node network. {@return it} */
  NodeHandle addNode(String name);

  // ---- workloads ----

  /** {@return a builder for a bare pod named {@code namespace/name}} */
  PodBuilder pod(String namespacedName);

  /**
   * {@return the pod {@code namespace/name}}
   *
   * @throws ApiException (NotFound) when there is none
   */
  PodHandle getPod(String namespacedName);

  /** {@return every pod, by namespace and name} */
  List<PodHandle> pods();

  /** {@return the pods of a namespace whose labels match kubectl selector syntax ({@code ""} = all)} */
  List<PodHandle> pods(String namespace, String selector);

  /** {@return a builder for a Deployment named {@code namespace/name}} */
  DeploymentBuilder deployment(String namespacedName);

  /**
   * {@return the Deployment {@code namespace/name}}
   *
   * @throws ApiException (NotFound) when there is none
   */
  DeploymentHandle getDeployment(String namespacedName);

  /** {@return the Deployments of a namespace, by name} */
  List<DeploymentHandle> deployments(String namespace);

  /** {@return a builder for a StatefulSet named {@code namespace/name}} */
  StatefulSetBuilder statefulSet(String namespacedName);

  /**
   * {@return the StatefulSet {@code namespace/name}}
   *
   * @throws ApiException (NotFound) when there is none
   */
  StatefulSetHandle getStatefulSet(String namespacedName);

  /** {@return the StatefulSets of a namespace, by name} */
  List<StatefulSetHandle> statefulSets(String namespace);

  // ---- configuration ----

  /**
   * {@return a builder for a ConfigMap named {@code namespace/name}} Read ConfigMaps back with
   * {@code get(ConfigMap.class, namespace, name)}; change one with {@link
   * #apply(KubernetesObject...)}, remove it with {@link #delete}.
   */
  ConfigMapBuilder configMap(String namespacedName);

  // ---- services ----

  /** {@return a builder for a Service named {@code namespace/name}} */
  ServiceBuilder service(String namespacedName);

  /**
   * {@return a builder that exposes a workload as {@code kubectl expose} does}
   *
   * @param target {@code namespace/name} of a Deployment, or {@code kind/namespace/name} with
   *     kind {@code deployment}, {@code replicaset}, {@code pod} or {@code service}
   */
  ExposeBuilder expose(String target);

  /**
   * {@return the Service {@code namespace/name}}
   *
   * @throws ApiException (NotFound) when there is none
   */
  ServiceHandle getService(String namespacedName);

  /** {@return the Services of a namespace, by name} */
  List<ServiceHandle> services(String namespace);

  // ---- network policies ----

  /**
   * {@return a builder for a NetworkPolicy named {@code namespace/name}} Read policies back with
   * {@code list(NetworkPolicy.class)} or {@code get(NetworkPolicy.class, namespace, name)};
   * change one with {@link #apply(KubernetesObject...)}, remove it with {@link #delete}.
   */
  NetworkPolicyBuilder networkPolicy(String namespacedName);

  /**
   * {@return a builder of names outside the cluster}, answered by the nodes' resolver: what
   * CoreDNS forwards to, and what a {@code dnsPolicy: Default} pod asks. A name in no zone is
   * NXDOMAIN. The same as applying an {@code UpstreamZone} manifest.
   */
  UpstreamZoneBuilder upstreamZone(String name);

  /**
   * {@return a zone view: the records CoreDNS serves now for the Services of {@code namespace}
   * (every namespace when empty)} — each Service's A/AAAA (or an ExternalName's CNAME), SRV for
   * its named ports and, for a headless Service, each endpoint's own name — asked of a running
   * CoreDNS pod, so the listing lags the API as CoreDNS's watch does.
   *
   * <pre>{@code
   * c.dnsRecords(Optional.of("shop")).forEach(System.out::println);
   * // web.shop.svc.cluster.local. 30 IN A 10.96.12.7
   * }</pre>
   *
   * @throws IllegalStateException when no CoreDNS pod is running
   */
  List<ResourceRecord> dnsRecords(Optional<String> namespace);

  // ---- traffic ----

  /** {@return a client outside the cluster with this address, e.g. {@code "203.0.113.7"}} */
  ExternalClient external(String ip);

  /**
   * Forwards a local port to one pod, as {@code kubectl port-forward TARGET LOCAL:REMOTE}.
   *
   * @param target {@code pod/ns/name}, {@code svc/ns/name}, {@code deploy/ns/name} or {@code
   *     rs/ns/name}; for a Service, {@code remotePort} is a service port (number or name)
   *     translated to the chosen pod's targetPort
   * @throws ApiException NotFound when the target does not exist
   * @throws IllegalArgumentException when the target has no such port, or the port is UDP
   *     (port-forward carries TCP only)
   * @throws IllegalStateException when no running pod backs it
   */
  PortForward portForward(String target, int localPort, String remotePort);

  // ---- NetworkPolicy ----

  /**
   * {@return who may reach whom among these pods ({@code namespace/name}) on one port and
   * protocol, by NetworkPolicy alone}: a cell is allowed when both the source's egress and the
   * destination's ingress allow a new connection, as the network plugin would judge it (own-node
   * and self traffic always allowed); every cell is allowed when the cluster does not enforce
   * policies. Policies count as the plugin's agents see them, after {@link
   * Timing#policyAgentLag()}.
   *
   * @throws ApiException NotFound naming a pod that does not exist
   */
  Reachability reachability(List<String> fromPods, List<String> toPods, int port,
      Protocol protocol);

  /**
   * {@return the pods of these namespaces (every namespace but {@code kube-system} when none is
   * given) against each other, as {@link #reachability(List, List, int, Protocol)}}
   */
  Reachability reachability(int port, Protocol protocol, String... namespaces);

  /**
   * {@return pods × Services ({@code namespace/name}) on a Service port}: a cell is allowed when
   * policy lets the pod reach every ready backend of that port at its targetPort (kube-proxy may
   * send a connection to any of them), and denied when the port has no ready backend
   *
   * @throws ApiException NotFound naming a pod or Service that does not exist
   */
  Reachability reachabilityToServices(List<String> fromPods, List<String> toServices, int port,
      Protocol protocol);

  /**
   * {@return the pods of these namespaces (every namespace but {@code kube-system} when none is
   * given) against their Services, as {@link #reachabilityToServices(List, List, int,
   * Protocol)}}
   */
  Reachability reachabilityToServices(int port, Protocol protocol, String... namespaces);

  // ---- any object ----

  /**
   * Creates or updates objects, as {@code kubectl apply} does; atomic: if any object is invalid,
   * none is applied and the exception lists every error.
   */
  ApplyResult apply(KubernetesObject... objects);

  /** Applies manifest files or folders ({@code .yaml}, {@code .yml}, {@code .json}), atomically. */
  ApplyResult apply(Path... files);

  /**
   * Applies manifest files or folders, putting namespaced objects that name no namespace into
   * {@code namespace} (as {@code kubectl apply -n}).
   */
  ApplyResult applyIn(String namespace, Path... files);

  /** Applies manifests given as YAML or JSON text (several documents allowed), atomically. */
  ApplyResult applyYaml(String manifests);

  /** {@return the object as the API holds it now} */
  <T extends KubernetesObject> Optional<T> get(Class<T> type, String namespace, String name);

  /** {@return every object of a type, by namespace and name} */
  <T extends KubernetesObject> List<T> list(Class<T> type);

  /**
   * {@return the objects of a type in one namespace, by name} Like {@code kubectl get -n}: the
   * cluster's own objects (CoreDNS's pods in {@code kube-system}, say) stay out of the list.
   */
  <T extends KubernetesObject> List<T> list(Class<T> type, String namespace);

  /**
   * Deletes an object gracefully, as {@code kubectl delete} does.
   *
   * @throws ApiException (NotFound) when it does not exist
   */
  void delete(ObjectRef object);

  /**
   * Runs a kubectl-style command against this cluster, e.g. {@code "get pods -n shop -o wide"}.
   *
   * @return what it printed, when it succeeded (exit code 0; stderr may still hold notes such
   *     as {@code No resources found in shop namespace.})
   * @throws KubectlException when the command fails — exit code 2 for bad input (an unknown
   *     verb, flag, type or name, an invalid object), 1 for a check it made that failed (a
   *     {@code probe} whose connection was not established); the exception carries the exit
   *     code, stdout and stderr. Use {@link #kubectlResult(String)} to inspect failures as
   *     values instead.
   */
  default KubectlResult kubectl(String commandLine) {
    return KubectlException.check(commandLine, kubectlResult(commandLine));
  }

  /**
   * Runs a kubectl-style command given as words ({@code argv}), as {@link #kubectl(String)}.
   *
   * @throws KubectlException when the command fails, carrying its exit code and output
   */
  default KubectlResult kubectl(List<String> argv) {
    return KubectlException.check(String.join(" ", argv), kubectlResult(argv));
  }

  /**
   * Runs a kubectl-style command and returns what it printed and its exit code, whatever that
   * is: 0 success, 1 a check the command made failed, 2 bad input, the message on stderr as
   * kubectl words it. Nothing is thrown for user mistakes. For scripts and shells that report
   * failures themselves, and tests that expect one; {@link #kubectl(String)} throws instead.
   *
   * @return the exit code, stdout and stderr
   */
  KubectlResult kubectlResult(String commandLine);

  /** Runs a command given as words ({@code argv}), as {@link #kubectlResult(String)} does. */
  KubectlResult kubectlResult(List<String> argv);
}
