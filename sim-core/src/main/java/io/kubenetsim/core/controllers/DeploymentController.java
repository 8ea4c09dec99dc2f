package io.kubenetsim.core.controllers;

import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.Informer;
import io.kubenetsim.core.store.WorkQueue;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.PodTemplateSpec;
import io.kubenetsim.model.ReplicaSet;
import io.kubenetsim.model.ReplicaSetSpec;
import io.kubenetsim.model.WorkloadStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * kube-controller-manager's Deployment controller: finds or creates the ReplicaSet for the
 * current pod template ({@code <deployment>-<pod-template-hash>}), rolls replicas from old
 * ReplicaSets to it as {@link RollingUpdate} plans, and reports status summed over them.
 *
 * <p>Steps per reconcile: (1) read the Deployment and the ReplicaSets it controls from the
 * lagging informers; (2) create the new ReplicaSet if the template has none; (3) apply the
 * rollout plan; (4) write status. ReplicaSet status changes re-trigger it, which is what moves
 * a rollout forward.
 */
public final class DeploymentController {
  private static final String REVISION = "deployment.kubernetes.io/revision";

  private final Simulator sim;
  private final ApiStore store;
  private final Informer<Deployment> deployments;
  private final Informer<ReplicaSet> replicaSets;
  private final WorkQueue queue;
  /**
   * The last template hashed per Deployment: status writes keep the spec's template object,
   * so most reconciles find it here instead of dumping the template again. Looked up, never
   * iterated.
   */
  private final Map<NamespacedName, TemplateHash> hashes = new HashMap<>();

  private record TemplateHash(PodTemplateSpec template, String hash) {}

  public DeploymentController(Simulator sim, ApiStore store, Informer<Deployment> deployments,
      Informer<ReplicaSet> replicaSets) {
    this.sim = sim;
    this.store = store;
    this.deployments = deployments;
    this.replicaSets = replicaSets;
    this.queue = new WorkQueue(sim, this::reconcile);
    deployments.addHandler(e -> queue.add(e.object().metadata().key()));
    replicaSets.addHandler(e -> e.object().metadata().controllerRef()
        .filter(ref -> ref.kind().equals(Deployment.KIND))
        .ifPresent(ref -> queue.add(NamespacedName.of(e.object().metadata().namespace(),
            ref.name()))));
  }

  private String templateHash(NamespacedName key, PodTemplateSpec template) {
    TemplateHash last = hashes.get(key);
    if (last == null || last.template() != template) {
      last = new TemplateHash(template, PodTemplateHash.of(template));
      hashes.put(key, last);
    }
    return last.hash();
  }

  private void reconcile(NamespacedName key) {
    Optional<Deployment> found = deployments.get(key);
    if (found.isEmpty() || found.get().metadata().isTerminating()) {
      hashes.remove(key);
      return;
    }
    Deployment d = found.get();
    List<ReplicaSet> owned = replicaSets.byIndex(OwnerIndex.NAME, d.metadata().uid()).stream()
        .filter(rs -> !rs.metadata().isTerminating()).toList();
    String hash = templateHash(key, d.spec().template());
    Optional<ReplicaSet> newRs = owned.stream()
        .filter(rs -> hash.equals(rs.metadata().labels().get(PodTemplateHash.LABEL).orElse("")))
        .findFirst();
    List<ReplicaSet> oldRss = new ArrayList<>(owned);
    newRs.ifPresent(oldRss::remove);
    if (newRs.isEmpty()) {
      if (store.get(ReplicaSet.class, NamespacedName.of(d.metadata().namespace(),
          d.metadata().name() + "-" + hash)).isPresent()) {
        return; // created already; the informer has not shown it yet
      }
      newRs = Optional.of(createReplicaSet(d, hash, oldRss));
    }
    for (Map.Entry<String, Integer> target : RollingUpdate.plan(d, newRs.get(), oldRss)
        .entrySet()) {
      int replicas = target.getValue();
      store.patch(ReplicaSet.class, NamespacedName.of(d.metadata().namespace(), target.getKey()),
          rs -> rs.withSpec(rs.spec().withReplicas(replicas)), "ScalingReplicaSet",
          "scaled to " + replicas + " by Deployment " + d.metadata().name());
    }
    updateStatus(d, newRs.get(), owned);
  }

  private ReplicaSet createReplicaSet(Deployment d, String hash, List<ReplicaSet> oldRss) {
    PodTemplateSpec template = d.spec().template();
    PodTemplateSpec hashed = template.withMetadata(template.metadata()
        .withLabels(template.labels().with(PodTemplateHash.LABEL, hash)));
    java.util.TreeMap<String, String> matchLabels =
        new java.util.TreeMap<>(d.spec().selector().matchLabels());
    matchLabels.put(PodTemplateHash.LABEL, hash);
    LabelSelector selector = new LabelSelector(
        com.google.common.collect.ImmutableSortedMap.copyOf(matchLabels),
        d.spec().selector().matchExpressions());
    long revision = 1 + oldRss.stream()
        .mapToLong(rs -> Long.parseLong(rs.metadata().annotations().getOrDefault(REVISION, "0")))
        .max().orElse(0);
    boolean firstRollout = oldRss.stream().allMatch(rs -> rs.spec().replicas() == 0);
    int initial = firstRollout && !d.spec().strategy().type().equals("Recreate")
        ? d.spec().replicas() : 0;
    ObjectMeta meta = ObjectMeta.named(d.metadata().namespace(),
            d.metadata().name() + "-" + hash)
        .withLabels(hashed.labels())
        .withAnnotations(Map.of(REVISION, String.valueOf(revision)))
        .withOwnerReferences(List.of(OwnerIndex.controllerRef(d)));
    ReplicaSet rs = new ReplicaSet(meta,
        new ReplicaSetSpec(initial, selector, hashed, d.spec().minReadySeconds()),
        WorkloadStatus.empty());
    return store.create(rs, "ScalingReplicaSet", "new ReplicaSet for Deployment "
        + d.metadata().name() + " (revision " + revision + ") at " + initial + " replicas");
  }

  private void updateStatus(Deployment d, ReplicaSet newRs, List<ReplicaSet> owned) {
    int replicas = 0;
    int ready = 0;
    int available = 0;
    for (ReplicaSet rs : owned) {
      replicas += rs.status().replicas();
      ready += rs.status().readyReplicas();
      available += rs.status().availableReplicas();
    }
    WorkloadStatus status = new WorkloadStatus(d.metadata().generation(), replicas,
        newRs.status().replicas(), ready, available);
    store.patch(Deployment.class, d.metadata().key(), x -> x.withStatus(status),
        "DeploymentStatus", ready + "/" + d.spec().replicas() + " ready, "
            + status.updatedReplicas() + " up to date, " + available + " available");
  }
}
