package io.kubenetsim.jqwik;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.DeploymentSpec;
import io.kubenetsim.model.DeploymentStrategy;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodSpec;
import io.kubenetsim.model.PodTemplateSpec;
import io.kubenetsim.model.WorkloadStatus;
import io.kubenetsim.net.Protocol;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Deployments and bare (client) pods, each with one container whose declared ports are the
 * ports the simulated pod listens on.
 *
 * <p>Every Deployment labels its pods {@code app=<deployment name>} besides its generated
 * labels, as {@code kubectl create deployment} does, so two Deployments never select each
 * other's pods; its selector is exactly its template's labels.
 */
final class WorkloadArbitraries {
  private WorkloadArbitraries() {}

  /** The label every generated Deployment's pods carry, with the Deployment's name. */
  static final String APP_LABEL = "app";

  /** The one container's name and image; kube-netsim runs no image, any text does. */
  private static final String CONTAINER = "app";
  private static final String IMAGE = "registry.example/app:1";

  /** {@return Deployments in {@code namespace}: 0–3 replicas, 0–3 container ports} */
  static Arbitrary<Deployment> deployments(String namespace) {
    return Combinators.combine(NameArbitraries.dns1123Labels(63), LabelArbitraries.labels(2),
        Arbitraries.integers().between(0, 3), containerPorts())
        .as((name, labels, replicas, ports) -> deployment(namespace, name, labels, replicas,
            ports));
  }

  /**
   * {@return lists of 0–3 container ports as one pod may declare them: names (when named)
   * unique, number and protocol unique}
   */
  static Arbitrary<List<ContainerPort>> containerPorts() {
    Arbitrary<String> names = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just("")),
        Tuple.of(3, NameArbitraries.portNames()));
    Arbitrary<Integer> numbers = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.of(80, 8080, 443)),
        Tuple.of(2, Arbitraries.integers().between(1, 65535)));
    Arbitrary<Protocol> protocols = Arbitraries.frequency(
        Tuple.of(4, Protocol.TCP), Tuple.of(1, Protocol.UDP), Tuple.of(1, Protocol.SCTP));
    Arbitrary<ContainerPort> port = Combinators.combine(names, numbers, protocols)
        .as((name, number, protocol) -> new ContainerPort(name, number, protocol, 0));
    return port.list().ofMaxSize(3).map(WorkloadArbitraries::distinct);
  }

  /**
   * {@return a Deployment of {@code replicas} pods labelled {@code app=<name>} and {@code
   * labels}, one container declaring {@code ports}}
   */
  static Deployment deployment(String namespace, String name, Labels labels, int replicas,
      List<ContainerPort> ports) {
    TreeMap<String, String> podLabels = new TreeMap<>(labels.asMap());
    podLabels.put(APP_LABEL, name);
    Labels all = Labels.of(podLabels);
    PodTemplateSpec template = new PodTemplateSpec(ObjectMeta.named("").withLabels(all),
        PodSpec.of(List.of(container(ports))));
    DeploymentSpec spec = new DeploymentSpec(replicas,
        new LabelSelector(ImmutableSortedMap.copyOf(podLabels), ImmutableList.of()), template,
        DeploymentStrategy.defaults(), 0, 10);
    return new Deployment(ObjectMeta.named(namespace, name).withLabels(all), spec,
        WorkloadStatus.empty());
  }

  /** {@return a bare pod, as a test's client: labelled, one container declaring {@code ports}} */
  static Pod client(String namespace, String name, Labels labels, List<ContainerPort> ports) {
    return Pod.of(namespace, name, labels, container(ports));
  }

  private static Container container(List<ContainerPort> ports) {
    return Container.of(CONTAINER, IMAGE, ports);
  }

  /** Drops ports whose name, or number and protocol, an earlier port already declares. */
  static List<ContainerPort> distinct(List<ContainerPort> ports) {
    List<ContainerPort> kept = new ArrayList<>();
    Set<String> seen = new HashSet<>(); // lookup only
    for (ContainerPort port : ports) {
      String number = port.containerPort() + "/" + port.protocol();
      if ((!port.name().isEmpty() && seen.contains("name:" + port.name()))
          || seen.contains(number)) {
        continue;
      }
      seen.add("name:" + port.name());
      seen.add(number);
      kept.add(port);
    }
    return kept;
  }
}
