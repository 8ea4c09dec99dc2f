package io.kubenetsim.core.store.validation;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.NetworkPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates NetworkPolicies as kube-apiserver does ({@code ValidateNetworkPolicy}, {@code
 * ValidateNetworkPolicyUpdate} in {@code pkg/apis/networking/validation}).
 *
 * <p>In progress (issue 8): metadata only so far; the spec's rules follow.
 */
public final class NetworkPolicyValidation {

  private NetworkPolicyValidation() {}

  /** {@return every problem with a NetworkPolicy being created} */
  public static List<FieldError> validateCreate(NetworkPolicy policy) {
    List<FieldError> errors = new ArrayList<>(MetadataRules.validate(
        policy.metadata(), true, NameFormat.DNS1123_SUBDOMAIN, "metadata"));
    return ImmutableList.copyOf(errors);
  }

  /** {@return every problem with replacing {@code old} by {@code updated}} */
  public static List<FieldError> validateUpdate(NetworkPolicy old, NetworkPolicy updated) {
    List<FieldError> errors = new ArrayList<>(validateCreate(updated));
    errors.addAll(MetadataRules.validateUpdate(updated.metadata(), old.metadata(), "metadata"));
    return ImmutableList.copyOf(errors);
  }
}
