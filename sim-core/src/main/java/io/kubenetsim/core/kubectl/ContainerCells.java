package io.kubenetsim.core.kubectl;

import io.kubenetsim.model.Container;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Cells shared by the workload printers: upstream's {@code layoutContainerCells} and the text
 * of a {@code labels.Selector}.
 */
final class ContainerCells {

  private ContainerCells() {}

  /** {@return the container names joined by commas, in spec order} */
  static String names(List<Container> containers) {
    List<String> names = new ArrayList<>(containers.size());
    containers.forEach(c -> names.add(c.name()));
    return String.join(",", names);
  }

  /** {@return the container images joined by commas, in spec order} */
  static String images(List<Container> containers) {
    List<String> images = new ArrayList<>(containers.size());
    containers.forEach(c -> images.add(c.image()));
    return String.join(",", images);
  }

  /**
   * {@return the selector as apimachinery's {@code Selector.String()} prints it} Requirements
   * are sorted by key; {@code matchLabels} print as {@code k=v}, set values are sorted, so
   * {@code {tier In [fe, be]}} prints {@code tier in (be,fe)}. The empty selector prints
   * {@code ""}.
   */
  static String selector(LabelSelector selector) {
    List<String[]> parts = new ArrayList<>();
    for (Map.Entry<String, String> label : selector.matchLabels().entrySet()) {
      parts.add(new String[] {label.getKey(), label.getKey() + "=" + label.getValue()});
    }
    for (LabelSelectorRequirement requirement : selector.matchExpressions()) {
      parts.add(new String[] {requirement.key(), requirementText(requirement)});
    }
    // A stable sort by key, as upstream sorts requirements by key before printing.
    parts.sort(Comparator.comparing(p -> p[0]));
    List<String> texts = new ArrayList<>(parts.size());
    parts.forEach(p -> texts.add(p[1]));
    return String.join(",", texts);
  }

  /** {@return the selector as {@code metav1.FormatLabelSelector}: {@code <none>} when empty} */
  static String selectorOrNone(LabelSelector selector) {
    String text = selector(selector);
    return text.isEmpty() ? "<none>" : text;
  }

  private static String requirementText(LabelSelectorRequirement requirement) {
    String values = String.join(",", new TreeSet<>(requirement.values()));
    switch (requirement.operator()) {
      case LabelSelectorRequirement.IN:
        return requirement.key() + " in (" + values + ")";
      case LabelSelectorRequirement.NOT_IN:
        return requirement.key() + " notin (" + values + ")";
      case LabelSelectorRequirement.EXISTS:
        return requirement.key();
      case LabelSelectorRequirement.DOES_NOT_EXIST:
        return "!" + requirement.key();
      default:
        // Validation rejects other operators before an object is stored; print what we have.
        return requirement.toString();
    }
  }
}
