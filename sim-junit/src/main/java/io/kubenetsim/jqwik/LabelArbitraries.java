package io.kubenetsim.jqwik;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.LabelSelectorRequirement;
import io.kubenetsim.model.Labels;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Label keys, values and sets, and free-standing label selectors, in the shapes apimachinery
 * accepts (reference §1.2–1.3): a key is an optional DNS-1123 subdomain prefix and {@code /},
 * then a name of up to 63 letters, digits, {@code -_.} starting and ending alphanumeric; a value
 * is empty or shaped like a key's name.
 */
final class LabelArbitraries {
  private LabelArbitraries() {}

  private static final String ALNUM = "abcdefghijklmnopqrstuvwxyz"
      + "abcdefghijklmnopqrstuvwxyz".toUpperCase(Locale.ROOT) + "0123456789";

  /** {@return the name part of a key, also the shape of a non-empty value: 1–63 characters} */
  static Arbitrary<String> labelNames() {
    return Arbitraries.strings().withChars(ALNUM + "-_.").ofMinLength(1).ofMaxLength(63)
        .withLengthDistribution(RandomDistribution.biased())
        .map(s -> NameArbitraries.alnumEnds(s, 'a'));
  }

  /**
   * {@return label keys: mostly a plain name, sometimes {@code prefix/name} with a DNS-1123
   * subdomain prefix} Prefixes ending in the reserved {@code kubernetes.io} and {@code k8s.io}
   * are left out: they belong to Kubernetes' own components.
   */
  static Arbitrary<String> labelKeys() {
    Arbitrary<String> prefixed = Combinators.combine(prefixes(), labelNames())
        .as((prefix, name) -> prefix + "/" + name);
    return Arbitraries.frequencyOf(
        Tuple.of(3, labelNames()), Tuple.of(1, prefixed));
  }

  /** {@return label values: sometimes empty, otherwise 1–63 characters} */
  static Arbitrary<String> labelValues() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just("")), Tuple.of(5, labelNames()));
  }

  /** {@return label sets of 0 to {@code maxSize} labels} */
  static Arbitrary<Labels> labels(int maxSize) {
    return Arbitraries.maps(labelKeys(), labelValues()).ofMaxSize(maxSize).map(Labels::of);
  }

  /**
   * {@return selectors of up to two {@code matchLabels} pairs and two {@code matchExpressions}
   * over random keys and values} Unrelated to any pod: for validation and matching tests. Use
   * {@link SelectorDraft} for selectors that hit a cluster's pods.
   */
  static Arbitrary<LabelSelector> labelSelectors() {
    Arbitrary<LabelSelectorRequirement> withValues = Combinators.combine(labelKeys(),
        Arbitraries.of(LabelSelectorRequirement.IN, LabelSelectorRequirement.NOT_IN),
        labelValues().set().ofMinSize(1).ofMaxSize(3))
        .as((key, op, values) -> LabelSelectorRequirement.of(key, op,
            values.stream().sorted().toList()));
    Arbitrary<LabelSelectorRequirement> withoutValues = Combinators.combine(labelKeys(),
        Arbitraries.of(LabelSelectorRequirement.EXISTS, LabelSelectorRequirement.DOES_NOT_EXIST))
        .as((key, op) -> LabelSelectorRequirement.of(key, op, List.of()));
    Arbitrary<List<LabelSelectorRequirement>> expressions =
        Arbitraries.oneOf(withValues, withoutValues).list().ofMaxSize(2);
    return Combinators.combine(Arbitraries.maps(labelKeys(), labelValues()).ofMaxSize(2),
        expressions).as((labels, exprs) -> new LabelSelector(
            ImmutableSortedMap.copyOf(labels),
            ImmutableList.copyOf(exprs)));
  }

  private static Arbitrary<String> prefixes() {
    return NameArbitraries.dns1123Subdomains()
        .filter(p -> !p.endsWith("kubernetes.io") && !p.endsWith("k8s.io"));
  }
}
