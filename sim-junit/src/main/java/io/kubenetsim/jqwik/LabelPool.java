package io.kubenetsim.jqwik;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.Labels;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;

/**
 * The distinct label pairs found on some objects (a cluster's pods, or its namespaces), sorted,
 * for generated selectors to pick from by index: a selector built from them matches some of
 * those objects, and a pick shrinks towards the first pair.
 */
record LabelPool(ImmutableList<Map.Entry<String, String>> pairs) {

  /** {@return the pool of every pair on these label sets} */
  static LabelPool of(Collection<Labels> labelSets) {
    TreeSet<Map.Entry<String, String>> sorted = new TreeSet<>(
        Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()));
    labelSets.forEach(labels -> labels.asMap().entrySet().forEach(e -> sorted.add(Map.entry(
        e.getKey(), e.getValue()))));
    return new LabelPool(ImmutableList.copyOf(sorted));
  }

  boolean isEmpty() {
    return pairs.isEmpty();
  }

  /** {@return the pair at {@code pick}, counted round the pool} */
  Map.Entry<String, String> pick(int pick) {
    return pairs.get(Math.floorMod(pick, pairs.size()));
  }
}
