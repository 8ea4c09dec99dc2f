package io.kubenetsim.core.kubectl;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Reads {@code -l} selector text through {@link LabelSelector#parse}, with a stopgap.
 *
 * <p>Workaround: {@code LabelSelector.parse} in sim-api ends with Guava's {@code
 * ImmutableSortedMap.Builder.buildKeepingLast()}, which Guava does not implement (it always
 * throws {@link UnsupportedOperationException}). Until sim-api builds that map another way,
 * this class falls back to an equivalent reading of the same grammar ({@code k=v}, {@code k==v},
 * {@code k!=v}, {@code k in (a,b)}, {@code k notin (a)}, {@code k}, {@code !k}); delete the
 * fallback once {@code LabelSelector.parse} works.
 */
final class SelectorParsing {

  private SelectorParsing() {}

  /**
   * {@return the selector {@code text} denotes; {@code ""} selects everything}
   *
   * @throws IllegalArgumentException naming the position of the first unreadable part
   */
  static LabelSelector parse(String text) {
    if (text.isBlank()) {
      return LabelSelector.everything();
    }
    try {
      return LabelSelector.parse(text);
    } catch (UnsupportedOperationException guavaGap) {
      return new Fallback(text).parse();
    }
  }

  /** The same grammar as sim-api's parser, building the map with a {@link TreeMap}. */
  private static final class Fallback {
    private final String text;
    private int pos;

    Fallback(String text) {
      this.text = text;
    }

    LabelSelector parse() {
      TreeMap<String, String> labels = new TreeMap<>();
      List<LabelSelectorRequirement> expressions = new ArrayList<>();
      skipSpaces();
      while (pos < text.length()) {
        readRequirement(labels, expressions);
        skipSpaces();
        if (pos < text.length()) {
          expect(',');
          skipSpaces();
        }
      }
      return new LabelSelector(ImmutableSortedMap.copyOf(labels),
          ImmutableList.copyOf(expressions));
    }

    private void readRequirement(
        TreeMap<String, String> labels, List<LabelSelectorRequirement> expressions) {
      if (peek() == '!') {
        pos++;
        skipSpaces();
        expressions.add(LabelSelectorRequirement.of(
            readToken(), LabelSelectorRequirement.DOES_NOT_EXIST, List.of()));
        return;
      }
      String key = readToken();
      skipSpaces();
      if (pos >= text.length() || peek() == ',') {
        expressions.add(
            LabelSelectorRequirement.of(key, LabelSelectorRequirement.EXISTS, List.of()));
      } else if (text.startsWith("!=", pos)) {
        pos += 2;
        expressions.add(LabelSelectorRequirement.of(
            key, LabelSelectorRequirement.NOT_IN, List.of(readValue())));
      } else if (text.startsWith("==", pos) || peek() == '=') {
        pos += text.startsWith("==", pos) ? 2 : 1;
        labels.put(key, readValue());
      } else if (text.startsWith("notin", pos)) {
        pos += 5;
        expressions.add(
            LabelSelectorRequirement.of(key, LabelSelectorRequirement.NOT_IN, readSet()));
      } else if (text.startsWith("in", pos)) {
        pos += 2;
        expressions.add(LabelSelectorRequirement.of(key, LabelSelectorRequirement.IN, readSet()));
      } else {
        throw error("expected one of =, ==, !=, in, notin or ',' after key \"" + key + "\"");
      }
    }

    private List<String> readSet() {
      skipSpaces();
      expect('(');
      List<String> values = new ArrayList<>();
      skipSpaces();
      while (peek() != ')') {
        values.add(readToken());
        skipSpaces();
        if (peek() == ',') {
          pos++;
          skipSpaces();
        }
      }
      pos++;
      return values;
    }

    private String readValue() {
      skipSpaces();
      int start = pos;
      while (pos < text.length() && ",=!() ".indexOf(text.charAt(pos)) < 0) {
        pos++;
      }
      return text.substring(start, pos);
    }

    private String readToken() {
      String token = readValue();
      if (token.isEmpty()) {
        throw error("expected a label key or value");
      }
      return token;
    }

    private char peek() {
      if (pos >= text.length()) {
        throw error("unexpected end of selector");
      }
      return text.charAt(pos);
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("expected '" + c + "'");
      }
      pos++;
    }

    private void skipSpaces() {
      while (pos < text.length() && text.charAt(pos) == ' ') {
        pos++;
      }
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException(
          "unable to parse selector \"" + text + "\" at position " + pos + ": " + what);
    }
  }
}
