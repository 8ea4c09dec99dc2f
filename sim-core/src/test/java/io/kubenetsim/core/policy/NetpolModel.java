package io.kubenetsim.core.policy;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.Pod;
import io.kubenetsim.net.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cluster upstream's NetworkPolicy e2e suite tests against ({@code
 * test/e2e/network/netpol/model.go}): namespaces {@code x}, {@code y}, {@code z}, each labelled
 * {@code ns: <name>} (and, by the API server, {@code kubernetes.io/metadata.name: <name>}); pods
 * {@code a}, {@code b}, {@code c} in each, labelled {@code pod: <name>}; every pod serving ports
 * 80 and 81 on TCP, UDP and SCTP, one container per port and protocol named as upstream's {@code
 * Container.Name()} and {@code PortName()} name them ({@code cont-80-tcp} serving {@code
 * serve-80-tcp}, …).
 */
final class NetpolModel {
  private NetpolModel() {}

  static final ImmutableList<String> NAMESPACES = ImmutableList.of("x", "y", "z");
  static final ImmutableList<String> POD_NAMES = ImmutableList.of("a", "b", "c");
  static final ImmutableList<Integer> PORTS = ImmutableList.of(80, 81);

  /** The nine pods as {@code namespace/name}, namespace-major: the rows and columns of tables. */
  static final ImmutableList<String> PODS = pods();

  /** The seed of every scenario's cluster (placement does not change pod-to-pod verdicts). */
  static final long SEED = 8;

  /** {@return a settled three-node cluster with the model's namespaces and pods} */
  static Cluster build() {
    Cluster cluster = KubeSim.cluster().nodes(3).seed(SEED).build();
    for (String namespace : NAMESPACES) {
      cluster.apply(namespace(namespace));
    }
    for (String pod : PODS) {
      int slash = pod.indexOf('/');
      cluster.apply(pod(pod.substring(0, slash), pod.substring(slash + 1)));
    }
    cluster.settle();
    return cluster;
  }

  /** {@return the namespace, labelled {@code ns: <name>}} */
  static Namespace namespace(String name) {
    Namespace namespace = Namespace.of(name);
    return namespace.withMetadata(namespace.metadata().withLabels(Labels.of("ns", name)));
  }

  /** {@return the pod, labelled {@code pod: <name>}, with one container per port and protocol} */
  static Pod pod(String namespace, String name) {
    List<Container> containers = new ArrayList<>();
    for (int port : PORTS) {
      for (Protocol protocol : Protocol.values()) {
        containers.add(Container.of(containerName(port, protocol), "agnhost",
            List.of(new ContainerPort(portName(port, protocol), port, protocol, 0))));
      }
    }
    return Pod.of(namespace, name, Labels.of("pod", name), containers.toArray(Container[]::new));
  }

  /** {@return upstream's container name, e.g. {@code cont-80-tcp}} */
  static String containerName(int port, Protocol protocol) {
    return "cont-" + port + "-" + protocol.name().toLowerCase(Locale.ROOT);
  }

  /** {@return upstream's container port name, e.g. {@code serve-80-tcp}} */
  static String portName(int port, Protocol protocol) {
    return "serve-" + port + "-" + protocol.name().toLowerCase(Locale.ROOT);
  }

  private static ImmutableList<String> pods() {
    ImmutableList.Builder<String> pods = ImmutableList.builder();
    for (String namespace : NAMESPACES) {
      for (String name : POD_NAMES) {
        pods.add(namespace + "/" + name);
      }
    }
    return pods.build();
  }
}
