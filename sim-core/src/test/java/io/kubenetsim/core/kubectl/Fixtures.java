package io.kubenetsim.core.kubectl;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.Condition;
import io.kubenetsim.model.ConditionStatus;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.ContainerState;
import io.kubenetsim.model.ContainerStatus;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.NodeSpec;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodPhase;
import io.kubenetsim.model.PodStatus;
import io.kubenetsim.model.ReplicaSet;
import io.kubenetsim.model.ReplicaSetSpec;
import io.kubenetsim.model.WorkloadStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Hand-built records in the states the printers must render, at fixed virtual times. */
final class Fixtures {

  /** Virtual "now" for every test; objects are created some time before it. */
  static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

  private Fixtures() {}

  static Instant ago(Duration duration) {
    return NOW.minus(duration);
  }

  static ObjectMeta created(ObjectMeta meta, Duration age) {
    return meta.withServerFields("uid-" + meta.name(), 1, 1, Optional.of(ago(age)));
  }

  /** A pod as created, unscheduled: phase Pending, no container statuses. */
  static Pod pendingPod(String namespace, String name, Duration age) {
    Pod pod = Pod.of(namespace, name, Labels.of("app", "web"),
        Container.of("web", "nginx:1.27", List.of()));
    return pod.withMetadata(created(pod.metadata(), age));
  }

  /** A pod bound to a node with one container in {@code state}. */
  static Pod podWith(String namespace, String name, Duration age, PodPhase phase, boolean ready,
      ContainerStatus container) {
    Pod pod = pendingPod(namespace, name, age);
    PodStatus status = new PodStatus(phase,
        ImmutableList.of(condition("Ready", ready)), "192.168.0.11", "10.244.1.5",
        ImmutableList.of("10.244.1.5"), Optional.of(ago(age)), ImmutableList.of(container), "");
    return pod.withSpec(pod.spec().withNodeName("node-1")).withStatus(status);
  }

  static Pod runningPod(String namespace, String name, Duration age) {
    return podWith(namespace, name, age, PodPhase.RUNNING, true,
        container(true, 0, ContainerState.running(ago(age)), Optional.empty()));
  }

  static ContainerStatus container(
      boolean ready, int restarts, ContainerState state, Optional<ContainerState> last) {
    return new ContainerStatus("web", "nginx:1.27", ready, ready, restarts, state, last);
  }

  static Condition condition(String type, boolean status) {
    return new Condition(type, ConditionStatus.of(status), ago(Duration.ofMinutes(1)), "", "");
  }

  static Node readyNode(String name, String ip, Duration age) {
    Node node = Node.of(name, ip);
    return node.withMetadata(created(node.metadata(), age))
        .withStatus(node.status().withConditions(List.of(condition("Ready", true))));
  }

  static Node nodeWithLabels(Node node, Labels labels) {
    return node.withMetadata(node.metadata().withLabels(labels));
  }

  static Node cordoned(Node node) {
    return node.withSpec(NodeSpec.empty().withUnschedulable(true));
  }

  static Deployment deployment(String namespace, String name, int replicas, int ready,
      Duration age) {
    Deployment d = Deployment.of(namespace, name, replicas, Labels.of("app", name),
        Container.of("web", "nginx:1.27", List.of()),
        Container.of("sidecar", "envoy:1.30", List.of()));
    return d.withMetadata(created(d.metadata(), age))
        .withStatus(new WorkloadStatus(1, replicas, replicas, ready, ready));
  }

  static ReplicaSet replicaSet(Deployment owner, String hash, int ready, Duration age) {
    ObjectMeta meta = ObjectMeta.named(owner.metadata().namespace(),
        owner.metadata().name() + "-" + hash).withLabels(owner.metadata().labels());
    ReplicaSetSpec spec = new ReplicaSetSpec(owner.spec().replicas(), owner.spec().selector(),
        owner.spec().template(), 0);
    return new ReplicaSet(created(meta, age), spec,
        new WorkloadStatus(1, owner.spec().replicas(), owner.spec().replicas(), ready, ready));
  }

  static Namespace namespace(String name, Duration age) {
    Namespace ns = Namespace.of(name);
    return ns.withMetadata(created(ns.metadata(), age));
  }
}
