package io.kubenetsim.jqwik;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.Labels;
import io.kubenetsim.net.Protocol;
import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * The few label keys, label values, port names and port numbers one generated cluster uses.
 * Namespaces, pods and ports draw from them by index ({@link LabelPick}, {@link PortPick}), so
 * the same label or port name turns up on several objects — a named port may mean 8080 on one
 * Deployment and 80 on another, and a selector may match pods of several Deployments — and
 * every pick shrinks towards the first word.
 */
record Vocabulary(ImmutableList<String> labelKeys, ImmutableList<String> labelValues,
    ImmutableList<String> portNames, ImmutableList<Integer> portNumbers) {

  /** A label made of the key at {@code key} and the value at {@code value}. */
  record LabelPick(int key, int value) {}

  /** A container port: the number at {@code number}, named by {@code name} unless unnamed. */
  record PortPick(boolean named, int name, int number, Protocol protocol) {}

  static Arbitrary<Vocabulary> vocabularies() {
    Arbitrary<Integer> numbers = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(80, 8080, 443, 9090, 53)),
        Tuple.of(1, Arbitraries.integers().between(1, 65535)));
    return Combinators.combine(
        LabelArbitraries.labelKeys().list().uniqueElements().ofMinSize(1).ofMaxSize(3),
        LabelArbitraries.labelValues().list().uniqueElements().ofMinSize(1).ofMaxSize(3),
        NameArbitraries.portNames().list().uniqueElements().ofMinSize(1).ofMaxSize(3),
        numbers.list().uniqueElements().ofMinSize(1).ofMaxSize(3))
        .as((keys, values, names, ports) -> new Vocabulary(ImmutableList.copyOf(keys),
            ImmutableList.copyOf(values), ImmutableList.copyOf(names),
            ImmutableList.copyOf(ports)));
  }

  static Arbitrary<LabelPick> labelPicks() {
    Arbitrary<Integer> pick = Arbitraries.integers().between(0, 7);
    return Combinators.combine(pick, pick).as(LabelPick::new);
  }

  static Arbitrary<PortPick> portPicks() {
    Arbitrary<Integer> pick = Arbitraries.integers().between(0, 7);
    Arbitrary<Protocol> protocol = Arbitraries.frequency(
        Tuple.of(5, Protocol.TCP), Tuple.of(1, Protocol.UDP));
    return Combinators.combine(Arbitraries.frequency(Tuple.of(3, true), Tuple.of(1, false)),
        pick, pick, protocol).as(PortPick::new);
  }

  /** {@return the labels the picks name; a key picked twice keeps its first value} */
  Labels labels(List<LabelPick> picks) {
    TreeMap<String, String> labels = new TreeMap<>();
    for (LabelPick pick : picks) {
      labels.putIfAbsent(at(labelKeys, pick.key()), at(labelValues, pick.value()));
    }
    return Labels.of(labels);
  }

  /**
   * {@return the container ports the picks name, as the API wants them in one pod: a name or a
   * number and protocol picked again is left out}
   */
  List<ContainerPort> ports(List<PortPick> picks) {
    return WorkloadArbitraries.distinct(picks.stream().map(pick -> new ContainerPort(
        pick.named() ? at(portNames, pick.name()) : "", at(portNumbers, pick.number()),
        pick.protocol(), 0)).toList());
  }

  private static <T> T at(List<T> words, int pick) {
    return words.get(Math.floorMod(pick, words.size()));
  }
}
