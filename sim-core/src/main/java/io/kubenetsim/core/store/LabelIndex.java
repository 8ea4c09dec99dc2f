package io.kubenetsim.core.store;

import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.NamespacedName;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The names of one kind's objects by each label pair they carry, per namespace, kept on every
 * write: a list by selector ({@code kubectl get pods -l app=web}) reads the objects of its
 * rarest equality pair instead of the whole namespace, as the apiserver's watch cache indexes
 * pods by label selector.
 */
final class LabelIndex {
  private record Pair(String namespace, String key, String value) {}

  /** Looked up, never iterated; each bucket in name order. */
  private final Map<Pair, TreeSet<NamespacedName>> buckets = new HashMap<>();

  /** Takes one write: {@code before} or {@code after} is null for a create or a removal. */
  void update(KubernetesObject before, KubernetesObject after) {
    Labels old = before == null ? Labels.none() : before.metadata().labels();
    Labels now = after == null ? Labels.none() : after.metadata().labels();
    if (old.equals(now)) {
      return;
    }
    KubernetesObject named = after != null ? after : before;
    String namespace = named.metadata().namespace();
    NamespacedName name = named.metadata().key();
    old.asMap().forEach((k, v) -> {
      if (!v.equals(now.asMap().get(k))) {
        Pair pair = new Pair(namespace, k, v);
        TreeSet<NamespacedName> bucket = buckets.get(pair);
        bucket.remove(name);
        if (bucket.isEmpty()) {
          buckets.remove(pair);
        }
      }
    });
    now.asMap().forEach((k, v) -> {
      if (!v.equals(old.asMap().get(k))) {
        buckets.computeIfAbsent(new Pair(namespace, k, v), p -> new TreeSet<>()).add(name);
      }
    });
  }

  /**
   * {@return the names, in name order, of the objects that may match the selector: those of its
   * equality pair with the fewest objects}, or empty when it has none (the caller scans)
   */
  Optional<NavigableSet<NamespacedName>> candidates(String namespace, LabelSelector selector) {
    NavigableSet<NamespacedName> fewest = null;
    for (Map.Entry<String, String> pair : selector.matchLabels().entrySet()) {
      TreeSet<NamespacedName> bucket = buckets.get(
          new Pair(namespace, pair.getKey(), pair.getValue()));
      if (bucket == null) {
        return Optional.of(new TreeSet<>());
      }
      if (fewest == null || bucket.size() < fewest.size()) {
        fewest = bucket;
      }
    }
    return Optional.ofNullable(fewest);
  }
}
