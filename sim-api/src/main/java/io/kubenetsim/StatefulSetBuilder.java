package io.kubenetsim;

import static com.google.common.base.Preconditions.checkArgument;

import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.PodManagementPolicy;
import io.kubenetsim.model.PodTemplateSpec;
import io.kubenetsim.model.Probe;
import io.kubenetsim.model.StatefulSet;
import io.kubenetsim.model.StatefulSetSpec;
import io.kubenetsim.model.StatefulSetStatus;
import io.kubenetsim.model.StatefulSetUpdateStrategy;
import io.kubenetsim.net.Protocol;
import java.util.function.Function;

/**
 * Describes a StatefulSet (one container, named after the set; selector = its labels) and
 * creates it. Pods are named {@code <set>-0}, {@code <set>-1}, …; with a governing headless
 * Service named by {@link #serviceName}, each pod's endpoint carries its name as hostname, so
 * it resolves as {@code web-0.web.shop.svc.cluster.local}.
 *
 * <pre>{@code
 * c.service("shop/web").selector("app", "web").port("http", 80, "http").headless().create();
 * StatefulSetHandle web = c.statefulSet("shop/web").serviceName("web").replicas(3)
 *     .label("app", "web").containerPort("http", 8080).create();
 * c.settle();   // web-0, then web-1 once web-0 is Ready, then web-2
 * web.scale(1); // web-2 goes, then web-1
 * }</pre>
 */
public final class StatefulSetBuilder {
  private final NamespacedName key;
  private final PodTemplateDraft draft;
  private final Function<StatefulSet, StatefulSetHandle> creator;
  private int replicas = 1;
  private String serviceName = "";
  private PodManagementPolicy policy = PodManagementPolicy.ORDERED_READY;
  private StatefulSetUpdateStrategy strategy = StatefulSetUpdateStrategy.defaults();
  private int minReadySeconds;
  private int ordinalsStart;

  /** For {@link Cluster} implementations: {@code creator} submits the built StatefulSet. */
  public StatefulSetBuilder(NamespacedName key, Function<StatefulSet, StatefulSetHandle> creator) {
    this.key = key;
    this.draft = new PodTemplateDraft(key.name());
    this.creator = creator;
  }

  public StatefulSetBuilder replicas(int count) {
    replicas = count;
    return this;
  }

  /** Names the governing Service: each pod's {@code spec.subdomain}. */
  public StatefulSetBuilder serviceName(String name) {
    checkArgument(name != null, "serviceName must not be null");
    serviceName = name;
    return this;
  }

  /** Adds a label to the pods and to the selector. */
  public StatefulSetBuilder label(String key, String value) {
    draft.label(key, value);
    return this;
  }

  public StatefulSetBuilder image(String image) {
    draft.image(image);
    return this;
  }

  /** Declares a named TCP container port. */
  public StatefulSetBuilder containerPort(String name, int port) {
    draft.containerPort(name, port, Protocol.TCP);
    return this;
  }

  /** Declares a container port with any protocol. */
  public StatefulSetBuilder containerPort(String name, int port, Protocol protocol) {
    draft.containerPort(name, port, protocol);
    return this;
  }

  public StatefulSetBuilder readinessProbe(Probe probe) {
    draft.readinessProbe(probe);
    return this;
  }

  public StatefulSetBuilder terminationGracePeriodSeconds(long seconds) {
    draft.gracePeriodSeconds(seconds);
    return this;
  }

  /** Sets {@code podManagementPolicy}: {@code OrderedReady} (the default) or {@code Parallel}. */
  public StatefulSetBuilder podManagementPolicy(PodManagementPolicy value) {
    checkArgument(value != null, "podManagementPolicy must not be null");
    policy = value;
    return this;
  }

  /** Sets {@code updateStrategy} (default: RollingUpdate with partition 0). */
  public StatefulSetBuilder updateStrategy(StatefulSetUpdateStrategy value) {
    checkArgument(value != null, "updateStrategy must not be null");
    strategy = value;
    return this;
  }

  /** Sets {@code minReadySeconds}: how long a pod must be Ready to count as available. */
  public StatefulSetBuilder minReadySeconds(int seconds) {
    minReadySeconds = seconds;
    return this;
  }

  /** Sets {@code ordinals.start}: the first pod is {@code <set>-<start>}. */
  public StatefulSetBuilder ordinalsStart(int start) {
    ordinalsStart = start;
    return this;
  }

  /** {@return the StatefulSet described so far, not yet created} */
  public StatefulSet build() {
    checkArgument(!draft.labels().isEmpty(), "StatefulSet %s needs at least one label: its "
        + "selector is made of them (e.g. .label(\"app\", \"%s\"))", key, key.name());
    PodTemplateSpec template =
        new PodTemplateSpec(ObjectMeta.named("").withLabels(draft.labels()), draft.spec());
    StatefulSetSpec spec = StatefulSetSpec.of(replicas,
            LabelSelector.matchLabels(draft.labels()), serviceName, template)
        .withPodManagementPolicy(policy).withUpdateStrategy(strategy)
        .withMinReadySeconds(minReadySeconds).withOrdinalsStart(ordinalsStart);
    return new StatefulSet(ObjectMeta.named(key.namespace(), key.name())
        .withLabels(draft.labels()), spec, StatefulSetStatus.empty());
  }

  /**
   * Creates the StatefulSet.
   *
   * @throws io.kubenetsim.manifest.ValidationException if it is invalid (nothing changes)
   * @throws ApiException if the namespace does not exist or the name is taken
   */
  public StatefulSetHandle create() {
    return creator.apply(build());
  }
}
