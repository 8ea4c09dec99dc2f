package io.kubenetsim.core.store.validation;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.Namespace;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates Namespaces as kube-apiserver does ({@code ValidateNamespace}, {@code
 * ValidateNamespaceUpdate}): cluster-scoped, so no {@code metadata.namespace}; the name a
 * DNS-1123 label (at most 63 characters, no dots); on update name and uid are immutable.
 *
 * <p>Simplification: the model has no {@code spec.finalizers}, and phase rules apply only to
 * status updates, so neither is checked.
 *
 * <pre>{@code
 * NamespaceValidation.validateCreate(Namespace.of("shop.eu"));
 * // [metadata.name: Invalid value: "shop.eu": must not contain dots]
 * }</pre>
 */
public final class NamespaceValidation {

  private NamespaceValidation() {}

  /** {@return every problem with a namespace being created} */
  public static List<FieldError> validateCreate(Namespace namespace) {
    return MetadataRules.validate(
        namespace.metadata(), false, NameFormat.DNS1123_LABEL, "metadata");
  }

  /** {@return every problem with replacing {@code old} by {@code updated}} */
  public static List<FieldError> validateUpdate(Namespace old, Namespace updated) {
    List<FieldError> errors = new ArrayList<>(validateCreate(updated));
    errors.addAll(MetadataRules.validateUpdate(updated.metadata(), old.metadata(), "metadata"));
    return ImmutableList.copyOf(errors);
  }
}
