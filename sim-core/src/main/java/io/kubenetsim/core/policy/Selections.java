package io.kubenetsim.core.policy;

import io.kubenetsim.model.LabelSelector;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every selector the current policies use, compiled once to a set and shared by all its uses
 * (reference-counted), and kept current incrementally, as a CNI agent keeps its address sets:
 *
 * <ul>
 *   <li>a pod appears or is relabelled: the sets scoped to its namespace, and the
 *       cross-namespace sets whose namespaces include it, re-evaluate that one pod;
 *   <li>a pod goes: those sets drop its bit;
 *   <li>a namespace appears or is relabelled: each namespace set re-evaluates that namespace,
 *       and the cross-namespace sets depending on one that changed evaluate (or drop) the pods
 *       of that namespace only;
 *   <li>a policy changes: the selectors it newly uses are evaluated over their scope only.
 * </ul>
 *
 * No change re-evaluates the whole cluster. Maps iterated here are insertion-ordered.
 * Confined to the simulation thread.
 */
final class Selections {
  private final List<PolicyNamespace> namespaces;
  private final Map<ScopedKey, PodSelection> scoped = new HashMap<>();
  private final Map<LabelSelector, NamespaceSelection> byNamespaceSelector =
      new LinkedHashMap<>();
  private final Map<CrossKey, PodSelection> crossNamespace = new LinkedHashMap<>();

  private record ScopedKey(PolicyNamespace namespace, LabelSelector pods) {}

  private record CrossKey(LabelSelector namespaces, LabelSelector pods) {}

  /** @param namespaces every namespace the engine knows, by index (read, not owned) */
  Selections(List<PolicyNamespace> namespaces) {
    this.namespaces = namespaces;
  }

  /** {@return the set of pods of one namespace matching {@code pods}, now in use once more} */
  PodSelection podsIn(PolicyNamespace namespace, LabelSelector pods) {
    PodSelection selection = scoped.computeIfAbsent(new ScopedKey(namespace, pods), k -> {
      PodSelection created = PodSelection.in(namespace, pods);
      namespace.selections.add(created);
      return created;
    });
    selection.references++;
    return selection;
  }

  /** {@return the set of namespaces matching {@code selector}, now in use once more} */
  NamespaceSelection namespaces(LabelSelector selector) {
    NamespaceSelection selection = byNamespaceSelector.computeIfAbsent(selector, s -> {
      NamespaceSelection created = new NamespaceSelection(s);
      for (PolicyNamespace namespace : namespaces) {
        if (namespace.matches(s)) {
          created.namespaces.set(namespace.index);
        }
      }
      return created;
    });
    selection.references++;
    return selection;
  }

  /** {@return the pods matching {@code pods} in namespaces matching {@code namespaceSelector}} */
  PodSelection podsAcross(LabelSelector namespaceSelector, LabelSelector pods) {
    CrossKey key = new CrossKey(namespaceSelector, pods);
    PodSelection selection = crossNamespace.get(key);
    if (selection == null) {
      NamespaceSelection in = namespaces(namespaceSelector);
      selection = PodSelection.across(in, pods);
      in.dependents.add(selection);
      for (int i = in.namespaces.nextSetBit(0); i >= 0; i = in.namespaces.nextSetBit(i + 1)) {
        selection.include(namespaces.get(i));
      }
      crossNamespace.put(key, selection);
    }
    selection.references++;
    return selection;
  }

  /** One use of a set is over; the last use frees it. */
  void release(CompiledPeer peer) {
    if (peer instanceof PodSelection pods && --pods.references == 0) {
      if (pods.scope != null) {
        scoped.remove(new ScopedKey(pods.scope, pods.selector));
        pods.scope.selections.remove(pods);
      } else {
        crossNamespace.remove(new CrossKey(pods.namespaces.selector, pods.selector));
        pods.namespaces.dependents.remove(pods);
        release(pods.namespaces);
      }
    } else if (peer instanceof NamespaceSelection selection && --selection.references == 0) {
      byNamespaceSelector.remove(selection.selector);
    }
  }

  /** A pod appeared or its labels changed. */
  void podChanged(PolicyPod pod) {
    List<PodSelection> local = pod.namespace.selections;
    for (int i = 0; i < local.size(); i++) {
      local.get(i).update(pod);
    }
    for (PodSelection selection : crossNamespace.values()) {
      selection.update(pod);
    }
  }

  /** A pod is gone. */
  void podRemoved(PolicyPod pod) {
    List<PodSelection> local = pod.namespace.selections;
    for (int i = 0; i < local.size(); i++) {
      local.get(i).clear(pod);
    }
    for (PodSelection selection : crossNamespace.values()) {
      selection.clear(pod);
    }
  }

  /** A namespace appeared, went, or its labels changed. */
  void namespaceChanged(PolicyNamespace namespace) {
    for (NamespaceSelection selection : byNamespaceSelector.values()) {
      boolean now = namespace.matches(selection.selector);
      if (selection.contains(namespace) == now) {
        continue;
      }
      selection.namespaces.set(namespace.index, now);
      for (PodSelection dependent : selection.dependents) {
        if (now) {
          dependent.include(namespace);
        } else {
          dependent.exclude(namespace);
        }
      }
    }
  }
}
