package io.kubenetsim.core.store;

import io.kubenetsim.ApplyResult;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.manifest.InvalidObject;
import io.kubenetsim.manifest.ManifestSource;
import io.kubenetsim.manifest.ValidationException;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.ObjectRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies several objects all or nothing: every object is validated first, in order, against
 * the store as the earlier objects would leave it (a Namespace earlier in the batch counts as
 * existing; a later object with the same kind and name updates an earlier one, as {@code
 * kubectl apply} would); if anything is invalid, nothing is written and one exception lists
 * every invalid object. Otherwise each object is created or updated in order.
 */
public final class AtomicApply {
  private final ApiStore store;
  private final ObjectValidation validation;

  public AtomicApply(ApiStore store, ObjectValidation validation) {
    this.store = store;
    this.validation = validation;
  }

  /** An object to apply and where it came from. */
  public record Item(Optional<ManifestSource> source, KubernetesObject object) {}

  /**
   * Validates all, then writes all.
   *
   * @throws ValidationException listing every invalid object; nothing was written
   */
  public ApplyResult apply(List<Item> items) {
    List<InvalidObject> invalid = new ArrayList<>();
    Map<ObjectRef, KubernetesObject> staged = new LinkedHashMap<>();
    Set<String> namespacesToBe = new HashSet<>();
    for (Item item : items) {
      KubernetesObject object = item.object();
      List<FieldError> errors = check(object, staged, namespacesToBe);
      if (errors.isEmpty()) {
        staged.put(object.ref(), object);
        if (object instanceof Namespace) {
          namespacesToBe.add(object.metadata().name());
        }
      } else {
        InvalidObject bad = InvalidObject.of(object.kind(), object.metadata().namespace(),
            object.metadata().name(), errors);
        invalid.add(item.source().map(bad::from).orElse(bad));
      }
    }
    if (!invalid.isEmpty()) {
      throw new ValidationException(invalid);
    }
    List<ApplyResult.Entry> entries = new ArrayList<>();
    for (Item item : items) {
      entries.add(write(item.object()));
    }
    return new ApplyResult(com.google.common.collect.ImmutableList.copyOf(entries));
  }

  private List<FieldError> check(KubernetesObject object, Map<ObjectRef, KubernetesObject> staged,
      Set<String> namespacesToBe) {
    List<FieldError> errors = new ArrayList<>();
    String namespace = object.metadata().namespace();
    if (Kinds.isNamespaced(object.kind()) && !namespace.isEmpty()
        && !store.namespaceActive(namespace) && !namespacesToBe.contains(namespace)) {
      errors.add(FieldError.notFound("metadata.namespace", namespace, "namespace-exists"));
    }
    Optional<KubernetesObject> prior = object.metadata().name().isEmpty() ? Optional.empty()
        : Optional.ofNullable(staged.get(object.ref())).or(() -> store.get(object.ref()));
    errors.addAll(prior.isPresent() ? validation.validateUpdate(prior.get(), object)
        : validation.validateCreate(object));
    return errors;
  }

  private ApplyResult.Entry write(KubernetesObject object) {
    Optional<KubernetesObject> stored = object.metadata().name().isEmpty() ? Optional.empty()
        : store.get(object.ref());
    if (stored.isEmpty()) {
      KubernetesObject created = store.create(object, "Created", "applied");
      return new ApplyResult.Entry(created.ref(), ApplyResult.Action.CREATED);
    }
    KubernetesObject updated = store.update(object, "Configured", "applied");
    boolean changed = updated.metadata().resourceVersion()
        != stored.get().metadata().resourceVersion();
    return new ApplyResult.Entry(updated.ref(),
        changed ? ApplyResult.Action.CONFIGURED : ApplyResult.Action.UNCHANGED);
  }
}
