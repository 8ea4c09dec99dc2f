package io.kubenetsim.core.store;

import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.manifest.ValidationException;
import io.kubenetsim.model.KubernetesObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated write path of the API server, in upstream's order: the kind's {@link
 * WriteStrategy} defaults the object and allocates what it needs (an allocation failure is
 * reported alone), then validation runs on the result; a write that fails is reverted, one
 * that passes is stored and its allocations committed. Staging and committing are separate so
 * that an all-or-nothing apply can stage a whole batch first.
 */
final class StagedWrites {
  private static final WriteStrategy AS_GIVEN = new WriteStrategy() {
    @Override
    public Prepared prepareCreate(KubernetesObject object) {
      return Prepared.of(object);
    }

    @Override
    public Prepared prepareUpdate(KubernetesObject stored, KubernetesObject updated) {
      return Prepared.of(updated);
    }

    @Override
    public void deleted(KubernetesObject object) {}
  };

  /**
   * A write that has been prepared and validated but not stored.
   *
   * @param prior the object it updates (stored, or staged earlier in the same batch)
   * @param errors why it cannot be stored; empty when it can
   */
  record Staged(KubernetesObject object, Optional<KubernetesObject> prior, List<FieldError> errors,
      WriteStrategy.Prepared prepared) {
    boolean valid() {
      return errors.isEmpty();
    }
  }

  private final ApiStore store;
  private final ObjectValidation validation;
  private final Map<String, WriteStrategy> strategies = new HashMap<>();

  StagedWrites(ApiStore store, ObjectValidation validation) {
    this.store = store;
    this.validation = validation;
  }

  void register(String kind, WriteStrategy strategy) {
    strategies.put(kind, strategy);
  }

  WriteStrategy strategy(String kind) {
    return strategies.getOrDefault(kind, AS_GIVEN);
  }

  /** Prepares and validates a create ({@code prior} empty) or an update of {@code prior}. */
  Staged stage(KubernetesObject object, Optional<KubernetesObject> prior) {
    WriteStrategy strategy = strategy(object.kind());
    WriteStrategy.Prepared prepared;
    try {
      prepared = prior.isPresent() ? strategy.prepareUpdate(prior.get(), object)
          : strategy.prepareCreate(object);
    } catch (ValidationException allocationFailed) {
      return new Staged(object, prior, allocationFailed.errors(), WriteStrategy.Prepared.of(object));
    }
    List<FieldError> errors = prior.isPresent()
        ? validation.validateUpdate(prior.get(), prepared.object())
        : validation.validateCreate(prepared.object());
    if (!errors.isEmpty()) {
      prepared.revert().run();
    }
    return new Staged(prepared.object(), prior, errors, prepared);
  }

  /** Stores a valid staged write and commits its allocations. {@return the stored object} */
  KubernetesObject commit(Staged staged, String reason, String detail) {
    KubernetesObject result = store.get(staged.object().ref()).isPresent()
        && !staged.object().metadata().name().isEmpty()
        ? store.replaceAsUser(staged.object(), reason, detail)
        : store.insert(staged.object(), reason, detail);
    staged.prepared().commit().run();
    return result;
  }

  /** Undoes the allocations of a staged write that will not be stored. */
  void abandon(Staged staged) {
    if (staged.valid()) {
      staged.prepared().revert().run();
    }
  }
}
