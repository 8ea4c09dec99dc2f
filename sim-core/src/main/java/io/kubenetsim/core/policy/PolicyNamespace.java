package io.kubenetsim.core.policy;

import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.Labels;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A namespace as the engine tracks it: a dense index (namespace sets are bit sets over these),
 * its labels while the namespace informer shows it, its pods under dense local slots (pod sets
 * scoped to the namespace are bit sets over these), and the pod sets scoped to it, which a pod
 * change re-evaluates. Confined to the simulation thread.
 */
final class PolicyNamespace {
  final String name;
  final int index;
  /** The pod sets whose pods all live here: {@code podSelector} targets and peers. */
  final List<PodSelection> selections = new ArrayList<>();
  private Labels labels = Labels.none();
  private boolean known;
  private PolicyPod[] pods = new PolicyPod[4];
  private int highest;
  private final ArrayDeque<Integer> free = new ArrayDeque<>();

  PolicyNamespace(String name, int index) {
    this.name = name;
    this.index = index;
  }

  /**
   * {@return whether a namespaceSelector matches this namespace: only while the informer shows
   * it, by its labels (the API server's {@code kubernetes.io/metadata.name} among them)}
   */
  boolean matches(LabelSelector selector) {
    return known && selector.matches(labels);
  }

  void seen(Labels newLabels) {
    known = true;
    labels = newLabels;
  }

  void gone() {
    known = false;
    labels = Labels.none();
  }

  /** {@return the local slot given to the pod} */
  int add(PolicyPod pod) {
    int slot = free.isEmpty() ? highest++ : free.pop();
    if (slot >= pods.length) {
      pods = Arrays.copyOf(pods, pods.length * 2);
    }
    pods[slot] = pod;
    return slot;
  }

  void remove(int slot) {
    pods[slot] = null;
    free.push(slot);
  }

  /** {@return the pod in a slot, or {@code null}} */
  PolicyPod pod(int slot) {
    return pods[slot];
  }

  /** {@return one past the highest slot ever used (slots below may be empty)} */
  int slotLimit() {
    return highest;
  }
}
