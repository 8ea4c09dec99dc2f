package io.kubenetsim;

import static com.google.common.base.Preconditions.checkArgument;

import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.DeploymentSpec;
import io.kubenetsim.model.DeploymentStrategy;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.PodTemplateSpec;
import io.kubenetsim.model.Probe;
import io.kubenetsim.model.WorkloadStatus;
import io.kubenetsim.net.Protocol;
import java.util.function.Function;

/**
 * Describes a Deployment (one container, named after the Deployment; selector = its labels,
 * as {@code kubectl create deployment} makes it) and creates it.
 *
 * <pre>{@code
 * c.deployment("shop/web").replicas(3).label("app", "web").containerPort("http", 8080).create();
 * }</pre>
 */
public final class DeploymentBuilder {
  private final NamespacedName key;
  private final PodTemplateDraft draft;
  private final Function<Deployment, DeploymentHandle> creator;
  private int replicas = 1;

  /** For {@link Cluster} implementations: {@code creator} submits the built Deployment. */
  public DeploymentBuilder(NamespacedName key, Function<Deployment, DeploymentHandle> creator) {
    this.key = key;
    this.draft = new PodTemplateDraft(key.name());
    this.creator = creator;
  }

  public DeploymentBuilder replicas(int count) {
    replicas = count;
    return this;
  }

  /** Adds a label to the pods and to the selector. */
  public DeploymentBuilder label(String key, String value) {
    draft.label(key, value);
    return this;
  }

  public DeploymentBuilder image(String image) {
    draft.image(image);
    return this;
  }

  /** Declares a named TCP container port. */
  public DeploymentBuilder containerPort(String name, int port) {
    draft.containerPort(name, port, Protocol.TCP);
    return this;
  }

  /** Declares an unnamed TCP container port. */
  public DeploymentBuilder containerPort(int port) {
    draft.containerPort("", port, Protocol.TCP);
    return this;
  }

  /** Declares a container port with any protocol. */
  public DeploymentBuilder containerPort(String name, int port, Protocol protocol) {
    draft.containerPort(name, port, protocol);
    return this;
  }

  public DeploymentBuilder readinessProbe(Probe probe) {
    draft.readinessProbe(probe);
    return this;
  }

  /**
   * Adds a readiness gate ({@code spec.readinessGates[].conditionType}): a pod is Ready only
   * once its containers are ready and a condition of this type is True, as another controller
   * would set it ({@link PodHandle#setCondition}). The type must be a qualified name, such as
   * {@code example.com/feature-1}; an invalid one is rejected when the Deployment is created.
   */
  public DeploymentBuilder readinessGate(String conditionType) {
    draft.readinessGate(conditionType);
    return this;
  }

  public DeploymentBuilder hostNetwork(boolean value) {
    draft.hostNetwork(value);
    return this;
  }

  public DeploymentBuilder terminationGracePeriodSeconds(long seconds) {
    draft.gracePeriodSeconds(seconds);
    return this;
  }

  /** {@return the Deployment described so far, not yet created} */
  public Deployment build() {
    checkArgument(!draft.labels().isEmpty(), "Deployment %s needs at least one label: its "
        + "selector is made of them (e.g. .label(\"app\", \"%s\"))", key, key.name());
    PodTemplateSpec template =
        new PodTemplateSpec(ObjectMeta.named("").withLabels(draft.labels()), draft.spec());
    return new Deployment(
        ObjectMeta.named(key.namespace(), key.name()).withLabels(draft.labels()),
        new DeploymentSpec(replicas, LabelSelector.matchLabels(draft.labels()), template,
            DeploymentStrategy.defaults(), 0, 10),
        WorkloadStatus.empty());
  }

  /**
   * Creates the Deployment.
   *
   * @throws io.kubenetsim.manifest.ValidationException if it is invalid (nothing changes)
   * @throws ApiException if the namespace does not exist or the name is taken
   */
  public DeploymentHandle create() {
    return creator.apply(build());
  }
}
