package io.kubenetsim.core.controllers;

import io.kubenetsim.model.PodTemplateSpec;
import io.kubenetsim.model.StatefulSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The StatefulSet controller's revision history: for each set, the pod templates it has had,
 * by revision name {@code <set>-<hash of the template>} — what upstream keeps in
 * ControllerRevision objects ({@code getStatefulSetRevisions}, {@code newRevision}, {@code
 * ApplyRevision}). The update revision is the set's current template; the current revision is
 * the one {@code status.currentRevision} names, which pods below the partition are (re)created
 * from.
 *
 * <p>Simplification: no ControllerRevision objects are stored in the API; the history lives in
 * the controller's memory (it never restarts), holds only the revisions still in use, and the
 * hash is {@link PodTemplateHash}'s, not upstream's. Lookups only: no iteration order reaches
 * any output.
 *
 * <pre>{@code
 * Revision update = revisions.update(set);            // web-5fd8c7b964
 * Revision current = revisions.current(set, update);  // status.currentRevision, or update
 * }</pre>
 */
final class StatefulSetRevisions {

  /** A revision: its name, as pods' {@code controller-revision-hash} holds it, and template. */
  record Revision(String name, PodTemplateSpec template) {}

  /** Per StatefulSet uid, its revisions in use by name; looked up, never iterated. */
  private final Map<String, Map<String, PodTemplateSpec>> bySet = new HashMap<>();

  /** {@return the revision of the set's template, remembered for later syncs} */
  Revision update(StatefulSet set) {
    PodTemplateSpec template = set.spec().template();
    String name = set.metadata().name() + "-" + PodTemplateHash.of(template);
    bySet.computeIfAbsent(set.metadata().uid(), k -> new HashMap<>()).put(name, template);
    return new Revision(name, template);
  }

  /**
   * {@return the revision {@code status.currentRevision} names; the update revision when the
   * status names none or one no longer known, as upstream initializes the history}
   */
  Revision current(StatefulSet set, Revision update) {
    String name = set.status().currentRevision();
    PodTemplateSpec template =
        bySet.getOrDefault(set.metadata().uid(), Map.of()).get(name);
    return template == null ? update : new Revision(name, template);
  }

  /** Forgets every revision of the set but these (upstream's {@code truncateHistory}). */
  void retain(StatefulSet set, Set<String> live) {
    Map<String, PodTemplateSpec> revisions = bySet.get(set.metadata().uid());
    if (revisions != null) {
      revisions.keySet().retainAll(live);
    }
  }

  /** Forgets a deleted set. */
  void forget(String uid) {
    bySet.remove(uid);
  }
}
