package io.kubenetsim.core.store.validation;

import static io.kubenetsim.core.store.validation.Errors.assertLines;
import static io.kubenetsim.core.store.validation.Errors.assertRules;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.LabelSelectorRequirement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LabelSelector rules: each broken requirement reports at its index, with upstream's words. */
class SelectorRulesTest {

  @Test
  void aWellFormedSelectorHasNoErrors() {
    // Built by hand: LabelSelector.parse currently throws (see the integration notes).
    assertLines(SelectorRules.validate(new LabelSelector(ImmutableSortedMap.of("app", "web"),
        ImmutableList.of(LabelSelectorRequirement.of("tier", "In", List.of("fe", "be")),
            LabelSelectorRequirement.of("canary", "DoesNotExist", List.of()),
            LabelSelectorRequirement.of("track", "Exists", List.of()))), "spec.selector"));
  }

  @Test
  void anUnknownOperatorIsNotAValidSelectorOperator() {
    var errors = SelectorRules.validate(selector(
        LabelSelectorRequirement.of("tier", "Equals", List.of("fe"))), "spec.podSelector");
    assertLines(errors, "spec.podSelector.matchExpressions[0].operator: Invalid value:"
        + " \"Equals\": not a valid selector operator");
    assertRules(errors, "selector.operator");
  }

  @Test
  void inAndNotInNeedValuesWhileExistsAndDoesNotExistTakeNone() {
    var errors = SelectorRules.validate(selector(
        LabelSelectorRequirement.of("tier", "In", List.of()),
        LabelSelectorRequirement.of("canary", "DoesNotExist", List.of("yes"))), "spec.selector");
    assertLines(errors,
        "spec.selector.matchExpressions[0].values: Required value: must be specified when"
            + " `operator` is 'In' or 'NotIn'",
        "spec.selector.matchExpressions[1].values: Forbidden: may not be specified when"
            + " `operator` is 'Exists' or 'DoesNotExist'");
    assertRules(errors, "selector.values.required", "selector.values.forbidden");
  }

  @Test
  void keysAndValuesAreCheckedAsLabelsAtTheirOwnPaths() {
    var errors = SelectorRules.validate(new LabelSelector(
        ImmutableSortedMap.of("app", "-web"),
        ImmutableList.of(LabelSelectorRequirement.of("a/b/c", "In", List.of("ok", "not ok")))),
        "spec.selector");
    assertRules(errors, "label.value", "label.key", "label.value");
    List<String> paths = errors.stream().map(e -> e.path()).toList();
    org.junit.jupiter.api.Assertions.assertEquals(List.of("spec.selector.matchLabels",
        "spec.selector.matchExpressions[0].key", "spec.selector.matchExpressions[0].values[1]"),
        paths);
  }

  private static LabelSelector selector(LabelSelectorRequirement... requirements) {
    return new LabelSelector(ImmutableSortedMap.of(), ImmutableList.copyOf(requirements));
  }
}
