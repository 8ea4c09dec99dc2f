package io.kubenetsim.core.store;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.ApplyResult;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.manifest.InvalidObject;
import io.kubenetsim.manifest.ManifestSource;
import io.kubenetsim.manifest.ValidationException;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.ObjectRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies several objects all or nothing: every object is staged first, in order, against the
 * store as the earlier objects would leave it (a Namespace earlier in the batch counts as
 * existing; a later object with the same kind and name updates an earlier one, as {@code
 * kubectl apply} would; allocations of earlier objects are taken). If anything is invalid,
 * every staged allocation is released, nothing is written, and one exception lists every
 * invalid object. Otherwise each object is written in order.
 */
public final class AtomicApply {
  private final ApiStore store;

  public AtomicApply(ApiStore store) {
    this.store = store;
  }

  /** An object to apply and where it came from. */
  public record Item(Optional<ManifestSource> source, KubernetesObject object) {}

  /**
   * Stages all, then writes all.
   *
   * @throws ValidationException listing every invalid object; nothing was written
   */
  public ApplyResult apply(List<Item> items) {
    StagedWrites writes = store.writes();
    List<StagedWrites.Staged> staged = new ArrayList<>();
    List<InvalidObject> invalid = new ArrayList<>();
    Map<ObjectRef, KubernetesObject> batch = new HashMap<>();
    Set<String> namespacesToBe = new HashSet<>();
    try {
      for (Item item : items) {
        StagedWrites.Staged one = stage(item.object(), batch, namespacesToBe, writes);
        if (one.valid()) {
          staged.add(one);
          batch.put(one.object().ref(), one.object());
          if (one.object() instanceof Namespace) {
            namespacesToBe.add(one.object().metadata().name());
          }
        } else {
          InvalidObject bad = InvalidObject.of(item.object().kind(),
              item.object().metadata().namespace(), item.object().metadata().name(),
              one.errors());
          invalid.add(item.source().map(bad::from).orElse(bad));
        }
      }
    } catch (RuntimeException e) {
      abandon(staged, writes);
      throw e;
    }
    if (!invalid.isEmpty()) {
      abandon(staged, writes);
      throw new ValidationException(invalid);
    }
    List<ApplyResult.Entry> entries = new ArrayList<>();
    for (StagedWrites.Staged one : staged) {
      long before = store.get(one.object().ref()).map(o -> o.metadata().resourceVersion())
          .orElse(-1L);
      KubernetesObject written = writes.commit(one, before < 0 ? "Created" : "Configured",
          "applied");
      ApplyResult.Action action = before < 0 ? ApplyResult.Action.CREATED
          : written.metadata().resourceVersion() == before ? ApplyResult.Action.UNCHANGED
              : ApplyResult.Action.CONFIGURED;
      entries.add(new ApplyResult.Entry(written, action));
    }
    return new ApplyResult(ImmutableList.copyOf(entries));
  }

  private StagedWrites.Staged stage(KubernetesObject object,
      Map<ObjectRef, KubernetesObject> batch, Set<String> namespacesToBe, StagedWrites writes) {
    String namespace = object.metadata().namespace();
    if (Kinds.isNamespaced(object.kind()) && !namespace.isEmpty()
        && !store.namespaceActive(namespace) && !namespacesToBe.contains(namespace)) {
      return new StagedWrites.Staged(object, Optional.empty(), List.of(FieldError.notFound(
          "metadata.namespace", namespace, "namespace-exists")),
          WriteStrategy.Prepared.of(object));
    }
    Optional<KubernetesObject> prior = object.metadata().name().isEmpty() ? Optional.empty()
        : Optional.ofNullable(batch.get(object.ref())).or(() -> store.get(object.ref()));
    return writes.stage(object, prior);
  }

  private static void abandon(List<StagedWrites.Staged> staged, StagedWrites writes) {
    for (int i = staged.size() - 1; i >= 0; i--) {
      writes.abandon(staged.get(i));
    }
  }
}
