package io.kubenetsim.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.ApiException;
import io.kubenetsim.Cluster;
import io.kubenetsim.KubeSim;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.manifest.ValidationException;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.LabelSelectorRequirement;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.ReplicaSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rejected write names the field path, the value and the rule, as kube-apiserver does, and
 * leaves the cluster exactly as it was: every object, every resourceVersion, the event log and
 * the pending events. Each case compares a full snapshot before and after.
 */
class RejectedWritesTest {
  private Cluster c;

  @BeforeEach
  void settledClusterWithAShop() {
    c = KubeSim.cluster().nodes(2).seed(7).build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(2).label("app", "web").containerPort("http", 8080)
        .create();
    c.settle();
  }

  @Test
  void podWithAnUppercaseNameIsRejectedAtMetadataName() {
    // The builder names the container after the pod, so spec.containers[0].name fails too.
    FieldError e = firstError(cluster -> cluster.pod("shop/Web_1").create(), "metadata.name");
    assertEquals("metadata.name", e.path());
    assertEquals("meta.name.format", e.rule());
    assertTrue(e.toString().startsWith("metadata.name: Invalid value: \"Web_1\": a lowercase "
        + "RFC 1123 subdomain"), e.toString());
  }

  @Test
  void labelKeyWithASpaceIsReportedAtTheLabelMap() {
    FieldError e = rejectedOnce(cluster -> cluster.pod("shop/debug").label("app name", "x")
        .create());
    assertEquals("metadata.labels", e.path());
    assertEquals("label.key", e.rule());
    assertEquals(FieldError.Type.INVALID, e.type());
    assertEquals("\"app name\"", e.value().orElseThrow());
  }

  @Test
  void containerPortsOutOfRangeAreRejectedWithTheirIndexes() {
    ValidationException e = rejected(cluster -> cluster.pod("shop/debug")
        .containerPort("zero", 0).containerPort("big", 70000).create());
    assertEquals(List.of(
            "spec.containers[0].ports[0].containerPort: Required value",
            "spec.containers[0].ports[1].containerPort: Invalid value: 70000: must be between 1 "
                + "and 65535, inclusive"),
        e.errors().stream().map(FieldError::toString).toList());
  }

  @Test
  void selectorWithAnUnknownOperatorIsRejected() {
    Deployment good = c.getDeployment("shop/web").get();
    LabelSelector bad = new LabelSelector(good.spec().selector().matchLabels(),
        ImmutableList.of(LabelSelectorRequirement.of("tier", "Equals", List.of("fe"))));
    Deployment other = Deployment.of("shop", "api", 1, Labels.of("app", "api"),
        Container.of("api", "api:1", List.of(ContainerPort.of(9090))));
    Deployment invalid = other.withSpec(new io.kubenetsim.model.DeploymentSpec(1, bad,
        other.spec().template(), other.spec().strategy(), 0, 10));
    FieldError e =
        firstError(cluster -> cluster.apply(invalid), "spec.selector.matchExpressions[0].operator");
    assertEquals("spec.selector.matchExpressions[0].operator: Invalid value: \"Equals\": "
        + "not a valid selector operator", String.valueOf(e));
  }

  @Test
  void unknownNamespaceIsNotFoundAndChangesNothing() {
    Snapshot before = new Snapshot(c);
    ApiException e = assertThrows(ApiException.class, () -> c.pod("nowhere/debug").create());
    assertEquals(ApiException.Reason.NOT_FOUND, e.reason());
    assertTrue(e.getMessage().startsWith("namespaces \"nowhere\" not found"), e.getMessage());
    assertEquals(before, new Snapshot(c));
  }

  @Test
  void takenNameIsAlreadyExistsAndChangesNothing() {
    Snapshot before = new Snapshot(c);
    ApiException e = assertThrows(ApiException.class,
        () -> c.deployment("shop/web").label("app", "web").create());
    assertEquals(ApiException.Reason.ALREADY_EXISTS, e.reason());
    assertEquals("deployments.apps \"web\" already exists", e.getMessage());
    assertEquals(before, new Snapshot(c));
  }

  @Test
  void anApplyWithOneInvalidObjectAppliesNoneAndListsEveryBadObject() {
    Snapshot before = new Snapshot(c);
    Pod badPort = Pod.of("prod", "p", Labels.none(),
        Container.of("c", "img", List.of(ContainerPort.of(0))));
    Pod badName = Pod.of("prod", "Bad", Labels.none(), Container.of("c", "img", List.of()));
    ValidationException e = assertThrows(ValidationException.class,
        () -> c.apply(Namespace.of("prod"), badPort, badName));
    assertEquals(2, e.objects().size(), e.getMessage());
    assertEquals(before, new Snapshot(c), "the valid Namespace must not have been created");
    assertTrue(c.get(Namespace.class, "", "prod").isEmpty());
  }

  @Test
  void aNamespaceEarlierInTheSameApplyCountsAsExisting() {
    Pod pod = Pod.of("prod", "p", Labels.of("app", "p"),
        Container.of("c", "img", List.of(ContainerPort.of(80))));
    c.apply(Namespace.of("prod"), pod);
    assertTrue(c.get(Pod.class, "prod", "p").isPresent());
  }

  @Test
  void networkPolicyWithSeveralMistakesIsRejectedWithEveryErrorAndChangesNothing() {
    ValidationException e = rejected(cluster -> cluster.networkPolicy("shop/bad")
        .ingress(r -> r.fromIpBlock("10.0.0.0/8", "10.0.0.0/8").portRange(80, 79))
        .policyTypes("Ingress", "Sideways").create());
    assertEquals(List.of(
            "spec.ingress[0].ports[0].endPort: Invalid value: 80: must be greater than or equal"
                + " to `port`",
            "spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: \"10.0.0.0/8\": must be"
                + " a strict subset of `cidr`",
            "spec.policyTypes[1]: Unsupported value: \"Sideways\": supported values:"
                + " \"Ingress\", \"Egress\""),
        e.errors().stream().map(FieldError::toString).toList());
    assertTrue(c.get(NetworkPolicy.class, "shop", "bad").isEmpty());
  }

  @Test
  void invalidNetworkPolicyUpdateKeepsTheStoredPolicy() {
    NetworkPolicy stored = c.networkPolicy("shop/allow").ingress(r -> r.port(80)).create();
    FieldError e = rejectedOnce(cluster -> cluster.apply(
        cluster.networkPolicy("shop/allow").ingress(r -> r.port("not_a_name")).build()));
    assertEquals("spec.ingress[0].ports[0].port", e.path());
    assertEquals(stored, c.get(NetworkPolicy.class, "shop", "allow").orElseThrow());
  }

  @Test
  void anApplyWithAValidAndAnInvalidPolicyCreatesNeither() {
    NetworkPolicy valid = c.networkPolicy("shop/deny").build();
    NetworkPolicy invalid = c.networkPolicy("shop/broken").ingress(r -> r.fromIpBlock(""))
        .build();
    FieldError e = rejectedOnce(cluster -> cluster.apply(valid, invalid));
    assertEquals("spec.ingress[0].from[0].ipBlock.cidr: Required value", e.toString());
    assertTrue(c.list(NetworkPolicy.class).isEmpty());
  }

  private FieldError rejectedOnce(Consumer<Cluster> write) {
    ValidationException e = rejected(write);
    assertEquals(1, e.errors().size(), e.getMessage());
    return e.errors().get(0);
  }

  private FieldError firstError(Consumer<Cluster> write, String path) {
    return rejected(write).errors().stream().filter(x -> x.path().equals(path)).findFirst()
        .orElseThrow();
  }

  private ValidationException rejected(Consumer<Cluster> write) {
    Snapshot before = new Snapshot(c);
    ValidationException e = assertThrows(ValidationException.class, () -> write.accept(c));
    assertEquals(before, new Snapshot(c), "a rejected write changed the cluster");
    return e;
  }

  /** Everything a write could change: every object (with its resourceVersion) and the log. */
  private record Snapshot(List<KubernetesObject> objects, int events, int pending) {
    Snapshot(Cluster c) {
      this(all(c), c.events().size(), c.pendingEvents());
    }

    private static List<KubernetesObject> all(Cluster c) {
      List<KubernetesObject> out = new ArrayList<>();
      for (Class<? extends KubernetesObject> type : List.of(Namespace.class, Node.class,
          Pod.class, Deployment.class, ReplicaSet.class, NetworkPolicy.class)) {
        out.addAll(c.list(type));
      }
      return out;
    }
  }
}
