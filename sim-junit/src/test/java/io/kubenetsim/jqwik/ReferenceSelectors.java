package io.kubenetsim.jqwik;

import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.LabelSelectorRequirement;
import io.kubenetsim.model.Labels;
import java.util.Map;

/**
 * Label selector semantics written out again from the reference (§1.3, apimachinery's {@code
 * Requirement.Matches}), so that the properties' expectations do not lean on the simulator's own
 * {@code LabelSelector.matches}: every matchLabels pair and every expression must hold; {@code
 * NotIn} and {@code DoesNotExist} hold for objects without the key; a selector without
 * requirements matches everything.
 */
final class ReferenceSelectors {
  private ReferenceSelectors() {}

  /** {@return whether a Service's equality selector (non-empty) matches the labels} */
  static boolean matches(Map<String, String> equalitySelector, Labels labels) {
    return !equalitySelector.isEmpty() && equalitySelector.entrySet().stream()
        .allMatch(e -> e.getValue().equals(labels.asMap().get(e.getKey())));
  }

  /** {@return whether a {@code metav1.LabelSelector} matches the labels} */
  static boolean matches(LabelSelector selector, Labels labels) {
    Map<String, String> have = labels.asMap();
    for (Map.Entry<String, String> pair : selector.matchLabels().entrySet()) {
      if (!pair.getValue().equals(have.get(pair.getKey()))) {
        return false;
      }
    }
    for (LabelSelectorRequirement r : selector.matchExpressions()) {
      boolean present = have.containsKey(r.key());
      boolean listed = present && r.values().contains(have.get(r.key()));
      boolean holds = switch (r.operator()) {
        case "In" -> listed;
        case "NotIn" -> !listed;
        case "Exists" -> present;
        case "DoesNotExist" -> !present;
        default -> throw new AssertionError("generated an unknown operator: " + r);
      };
      if (!holds) {
        return false;
      }
    }
    return true;
  }
}
