package io.kubenetsim.core.store.validation;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.ReplicaSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Validates ReplicaSets as kube-apiserver's apps/v1 replica set strategy does ({@code
 * ValidateReplicaSet}, {@code ValidateReplicaSetSpec}, {@code ValidateReplicaSetUpdate}).
 *
 * <p>Create, in upstream's order: metadata (namespaced, name a DNS-1123 subdomain); {@code
 * spec.replicas} and {@code spec.minReadySeconds} not negative; selector and template, shared
 * with Deployments. Update: metadata immutability, the create checks, an immutable {@code
 * spec.selector}.
 *
 * <pre>{@code
 * List<FieldError> errors = ReplicaSetValidation.validateCreate(replicaSet);
 * }</pre>
 */
public final class ReplicaSetValidation {

  private ReplicaSetValidation() {}

  /** {@return every problem with a replica set being created} */
  public static List<FieldError> validateCreate(ReplicaSet replicaSet) {
    List<FieldError> errors = new ArrayList<>(MetadataRules.validate(
        replicaSet.metadata(), true, NameFormat.DNS1123_SUBDOMAIN, "metadata"));
    errors.addAll(MetadataRules.nonNegative(replicaSet.spec().replicas(), "spec.replicas",
        "workload.replicas.negative"));
    errors.addAll(MetadataRules.nonNegative(replicaSet.spec().minReadySeconds(),
        "spec.minReadySeconds", "workload.min-ready-seconds.negative"));
    errors.addAll(WorkloadRules.selectorAndTemplate(Optional.of(replicaSet.spec().selector()),
        replicaSet.spec().template(), "spec"));
    return ImmutableList.copyOf(errors);
  }

  /** {@return every problem with replacing {@code old} by {@code updated}} */
  public static List<FieldError> validateUpdate(ReplicaSet old, ReplicaSet updated) {
    List<FieldError> errors = new ArrayList<>(
        MetadataRules.validateUpdate(updated.metadata(), old.metadata(), "metadata"));
    errors.addAll(validateCreate(updated));
    errors.addAll(WorkloadRules.immutableSelector(
        old.spec().selector(), updated.spec().selector()));
    return ImmutableList.copyOf(errors);
  }
}
