package io.kubenetsim.jqwik;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * A label selector waiting for the labels it is about: each requirement picks a pair from a
 * {@link LabelPool} by index, so the finished selector matches some of the pool's objects,
 * some of the time all of them, some of the time none (a requirement may name a value or key
 * nobody has). No requirement at all is the selector {@code {}}, which matches everything.
 *
 * <p>Drafts are generated before the pool exists (the pool is made from generated pods), which
 * keeps cluster generation a plain combination of independent parts, and shrinking simple.
 */
record SelectorDraft(ImmutableList<Requirement> requirements) {

  /** What a requirement does with its picked pair ({@code key}, {@code value}). */
  enum Operation { EQUALS, IN, NOT_IN, EXISTS, DOES_NOT_EXIST }

  /**
   * One requirement: the pair at {@code pick}; for {@code In}/{@code NotIn}, a second pair's
   * value at {@code otherPick} joins the set when {@code widen}, and {@code stranger} (a value
   * or key that may exist nowhere) replaces the pair when {@code foreign}.
   */
  record Requirement(Operation operation, int pick, int otherPick, boolean widen,
      boolean foreign, String strangerKey, String strangerValue) {}

  /** {@return drafts of {@code min} to {@code max} requirements} */
  static Arbitrary<SelectorDraft> drafts(int min, int max) {
    Arbitrary<Integer> picks = Arbitraries.integers().between(0, 63);
    Arbitrary<Boolean> seldom = Arbitraries.frequency(Tuple.of(4, false), Tuple.of(1, true));
    Arbitrary<Requirement> requirement = Combinators.combine(
        Arbitraries.of(Operation.class), picks, picks, seldom, seldom,
        LabelArbitraries.labelKeys(), LabelArbitraries.labelNames()).as(Requirement::new);
    return requirement.list().ofMinSize(min).ofMaxSize(max)
        .map(list -> new SelectorDraft(ImmutableList.copyOf(list)));
  }

  /** {@return the selector these requirements make over {@code pool}} */
  LabelSelector resolve(LabelPool pool) {
    TreeMap<String, String> matchLabels = new TreeMap<>();
    List<LabelSelectorRequirement> expressions = new ArrayList<>();
    for (Requirement r : requirements) {
      boolean hasValues = r.operation() == Operation.EQUALS || r.operation() == Operation.IN
          || r.operation() == Operation.NOT_IN;
      // A foreign requirement names a value (or, without values, a key) no pod may carry.
      String key = pool.isEmpty() || (r.foreign() && !hasValues) ? r.strangerKey()
          : pool.pick(r.pick()).getKey();
      boolean foreign = pool.isEmpty() || r.foreign();
      switch (r.operation()) {
        case EQUALS -> matchLabels.putIfAbsent(key, foreign ? r.strangerValue()
            : pool.pick(r.pick()).getValue());
        case IN -> expressions.add(LabelSelectorRequirement.of(key, LabelSelectorRequirement.IN,
            values(pool, r, foreign)));
        case NOT_IN -> expressions.add(LabelSelectorRequirement.of(key,
            LabelSelectorRequirement.NOT_IN, values(pool, r, foreign)));
        case EXISTS -> expressions.add(LabelSelectorRequirement.of(key,
            LabelSelectorRequirement.EXISTS, List.of()));
        case DOES_NOT_EXIST -> expressions.add(LabelSelectorRequirement.of(key,
            LabelSelectorRequirement.DOES_NOT_EXIST, List.of()));
        default -> throw new AssertionError(r.operation());
      }
    }
    return new LabelSelector(ImmutableSortedMap.copyOf(matchLabels),
        ImmutableList.copyOf(expressions));
  }

  /** The value set of In/NotIn: sorted and distinct, as a user would write it. */
  private static List<String> values(LabelPool pool, Requirement r, boolean foreign) {
    TreeSet<String> values = new TreeSet<>();
    values.add(foreign ? r.strangerValue() : pool.pick(r.pick()).getValue());
    if (r.widen() && !pool.isEmpty()) {
      Map.Entry<String, String> other = pool.pick(r.otherPick());
      values.add(other.getValue());
    }
    return List.copyOf(values);
  }
}
