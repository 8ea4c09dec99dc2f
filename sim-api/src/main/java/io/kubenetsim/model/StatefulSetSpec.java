package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * {@code StatefulSet.spec}: how many pods, named {@code <set>-<ordinal>}, from which template,
 * behind which governing Service, created and replaced in which order.
 *
 * <p>Holds what the API can hold, valid or not ({@code podManagementPolicy} as written, {@code
 * ""} until the API server defaults it); read the policy as an enum with {@link
 * #podManagement()} once the set is stored.
 *
 * <pre>{@code
 * StatefulSetSpec spec = StatefulSetSpec.of(3, LabelSelector.matchLabels(labels), "web", template)
 *     .withPodManagementPolicy(PodManagementPolicy.PARALLEL)
 *     .withUpdateStrategy(StatefulSetUpdateStrategy.rollingUpdate(2));
 * }</pre>
 *
 * @param serviceName the governing (headless) Service: pods get {@code spec.subdomain} = this
 *     name, so they resolve as {@code <pod>.<serviceName>.<namespace>.svc.<zone>}; {@code ""}
 *     for none
 * @param ordinalsStart {@code spec.ordinals.start}: the first ordinal, 0 by default
 */
public record StatefulSetSpec(
    int replicas,
    LabelSelector selector,
    String serviceName,
    PodTemplateSpec template,
    String podManagementPolicy,
    StatefulSetUpdateStrategy updateStrategy,
    int minReadySeconds,
    int revisionHistoryLimit,
    PersistentVolumeClaimRetentionPolicy persistentVolumeClaimRetentionPolicy,
    int ordinalsStart) {

  /** Upstream's default {@code revisionHistoryLimit}. */
  public static final int DEFAULT_REVISION_HISTORY_LIMIT = 10;

  public StatefulSetSpec {
    checkArgument(selector != null && serviceName != null && template != null
        && podManagementPolicy != null && updateStrategy != null
        && persistentVolumeClaimRetentionPolicy != null,
        "stateful set spec parts must not be null");
  }

  /** {@return a spec with upstream's defaults for everything but these} */
  public static StatefulSetSpec of(
      int replicas, LabelSelector selector, String serviceName, PodTemplateSpec template) {
    return new StatefulSetSpec(replicas, selector, serviceName, template,
        PodManagementPolicy.ORDERED_READY.toString(), StatefulSetUpdateStrategy.defaults(), 0,
        DEFAULT_REVISION_HISTORY_LIMIT, PersistentVolumeClaimRetentionPolicy.retain(), 0);
  }

  /**
   * {@return the pod management policy; unset reads as {@code OrderedReady}, the default}
   * Stored sets are validated, so an unknown value never reaches a reader of this.
   */
  public PodManagementPolicy podManagement() {
    return PodManagementPolicy.tryParse(podManagementPolicy)
        .orElse(PodManagementPolicy.ORDERED_READY);
  }

  public StatefulSetSpec withReplicas(int newReplicas) {
    return new StatefulSetSpec(newReplicas, selector, serviceName, template, podManagementPolicy,
        updateStrategy, minReadySeconds, revisionHistoryLimit,
        persistentVolumeClaimRetentionPolicy, ordinalsStart);
  }

  public StatefulSetSpec withTemplate(PodTemplateSpec newTemplate) {
    return new StatefulSetSpec(replicas, selector, serviceName, newTemplate, podManagementPolicy,
        updateStrategy, minReadySeconds, revisionHistoryLimit,
        persistentVolumeClaimRetentionPolicy, ordinalsStart);
  }

  public StatefulSetSpec withServiceName(String newServiceName) {
    return new StatefulSetSpec(replicas, selector, newServiceName, template, podManagementPolicy,
        updateStrategy, minReadySeconds, revisionHistoryLimit,
        persistentVolumeClaimRetentionPolicy, ordinalsStart);
  }

  public StatefulSetSpec withSelector(LabelSelector newSelector) {
    return new StatefulSetSpec(replicas, newSelector, serviceName, template, podManagementPolicy,
        updateStrategy, minReadySeconds, revisionHistoryLimit,
        persistentVolumeClaimRetentionPolicy, ordinalsStart);
  }

  public StatefulSetSpec withPodManagementPolicy(PodManagementPolicy policy) {
    return withPodManagementPolicy(policy.toString());
  }

  /** {@return a copy with the policy as written, for specs a manifest or a test spells} */
  public StatefulSetSpec withPodManagementPolicy(String policy) {
    return new StatefulSetSpec(replicas, selector, serviceName, template, policy,
        updateStrategy, minReadySeconds, revisionHistoryLimit,
        persistentVolumeClaimRetentionPolicy, ordinalsStart);
  }

  public StatefulSetSpec withUpdateStrategy(StatefulSetUpdateStrategy strategy) {
    return new StatefulSetSpec(replicas, selector, serviceName, template, podManagementPolicy,
        strategy, minReadySeconds, revisionHistoryLimit, persistentVolumeClaimRetentionPolicy,
        ordinalsStart);
  }

  public StatefulSetSpec withMinReadySeconds(int seconds) {
    return new StatefulSetSpec(replicas, selector, serviceName, template, podManagementPolicy,
        updateStrategy, seconds, revisionHistoryLimit, persistentVolumeClaimRetentionPolicy,
        ordinalsStart);
  }

  public StatefulSetSpec withPersistentVolumeClaimRetentionPolicy(
      PersistentVolumeClaimRetentionPolicy policy) {
    return new StatefulSetSpec(replicas, selector, serviceName, template, podManagementPolicy,
        updateStrategy, minReadySeconds, revisionHistoryLimit, policy, ordinalsStart);
  }

  public StatefulSetSpec withOrdinalsStart(int start) {
    return new StatefulSetSpec(replicas, selector, serviceName, template, podManagementPolicy,
        updateStrategy, minReadySeconds, revisionHistoryLimit,
        persistentVolumeClaimRetentionPolicy, start);
  }
}
