package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code metav1.LabelSelector}: {@code matchLabels} and {@code matchExpressions}, all ANDed.
 *
 * <p>An empty selector ({@code {}}) matches every object; where the API allows a selector to be
 * absent, the absence is an {@code Optional.empty()} at the field, not an empty selector.
 * {@code toString()} prints kubectl's selector syntax, which {@link #parse} reads back:
 *
 * <pre>{@code
 * LabelSelector s = LabelSelector.parse("app=web,tier in (fe,be),!canary");
 * s.matches(Labels.parse("app=web,tier=fe"));  // true
 * }</pre>
 */
public record LabelSelector(
    ImmutableSortedMap<String, String> matchLabels,
    ImmutableList<LabelSelectorRequirement> matchExpressions) {

  private static final LabelSelector EVERYTHING =
      new LabelSelector(ImmutableSortedMap.of(), ImmutableList.of());

  public LabelSelector {
    matchLabels = ImmutableSortedMap.copyOf(matchLabels);
    matchExpressions = ImmutableList.copyOf(matchExpressions);
  }

  /** {@return the selector {@code {}} that matches every object} */
  public static LabelSelector everything() {
    return EVERYTHING;
  }

  /** {@return a selector of equality requirements only} */
  public static LabelSelector matchLabels(Map<String, String> labels) {
    return new LabelSelector(ImmutableSortedMap.copyOf(labels), ImmutableList.of());
  }

  /** {@return a selector requiring these labels} */
  public static LabelSelector matchLabels(Labels labels) {
    return matchLabels(labels.asMap());
  }

  /** {@return whether the selector has no requirements (so matches everything)} */
  public boolean isEmpty() {
    return matchLabels.isEmpty() && matchExpressions.isEmpty();
  }

  /** {@return whether the labels satisfy every requirement} */
  public boolean matches(Labels labels) {
    for (Map.Entry<String, String> entry : matchLabels.entrySet()) {
      if (!entry.getValue().equals(labels.asMap().get(entry.getKey()))) {
        return false;
      }
    }
    for (LabelSelectorRequirement requirement : matchExpressions) {
      if (!requirement.matches(labels)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Parses kubectl's {@code -l} syntax: {@code k=v}, {@code k==v}, {@code k!=v}, {@code k in
   * (a,b)}, {@code k notin (a)}, {@code k}, {@code !k}, joined by commas.
   *
   * @throws IllegalArgumentException with the position of the first thing it cannot read
   */
  public static LabelSelector parse(String text) {
    return new SelectorParser(text).parse();
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    matchLabels.forEach((k, v) -> parts.add(k + "=" + v));
    matchExpressions.forEach(r -> parts.add(r.toString()));
    return String.join(",", parts);
  }

  /** Reads kubectl selector syntax, one requirement at a time. */
  private static final class SelectorParser {
    private final String text;
    private int pos;

    SelectorParser(String text) {
      checkArgument(text != null, "selector text must not be null");
      this.text = text;
    }

    LabelSelector parse() {
      java.util.TreeMap<String, String> labels = new java.util.TreeMap<>();
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
      return new LabelSelector(ImmutableSortedMap.copyOf(labels), ImmutableList.copyOf(expressions));
    }

    private void readRequirement(
        java.util.TreeMap<String, String> labels,
        List<LabelSelectorRequirement> expressions) {
      if (peek() == '!') {
        pos++;
        skipSpaces();
        expressions.add(LabelSelectorRequirement.of(readToken(), "DoesNotExist", List.of()));
        return;
      }
      String key = readToken();
      skipSpaces();
      if (pos >= text.length() || peek() == ',') {
        expressions.add(LabelSelectorRequirement.of(key, "Exists", List.of()));
      } else if (text.startsWith("!=", pos)) {
        pos += 2;
        expressions.add(LabelSelectorRequirement.of(key, "NotIn", List.of(readValue())));
      } else if (text.startsWith("==", pos)) {
        pos += 2;
        labels.put(key, readValue());
      } else if (peek() == '=') {
        pos++;
        labels.put(key, readValue());
      } else if (text.startsWith("notin", pos)) {
        pos += 5;
        expressions.add(LabelSelectorRequirement.of(key, "NotIn", readSet()));
      } else if (text.startsWith("in", pos)) {
        pos += 2;
        expressions.add(LabelSelectorRequirement.of(key, "In", readSet()));
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
      while (pos < text.length() && !isDelimiter(text.charAt(pos))) {
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

    private static boolean isDelimiter(char c) {
      return c == ',' || c == '=' || c == '!' || c == '(' || c == ')' || c == ' ';
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
