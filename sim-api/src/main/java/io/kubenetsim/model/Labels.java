package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.base.Joiner;
import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableSortedMap;
import java.util.Map;
import java.util.Optional;

/**
 * An object's labels, sorted by key as kubectl prints them.
 *
 * <p>Holds any strings: whether keys and values are valid is decided by the API server's
 * validation when the object is created, so a test can build an invalid label and see the
 * rejection. {@code toString()} prints {@code app=web,tier=frontend}, the form {@link #parse}
 * reads.
 */
public record Labels(ImmutableSortedMap<String, String> asMap) {

  private static final Labels NONE = new Labels(ImmutableSortedMap.of());

  public Labels {
    checkArgument(asMap != null, "labels must not be null");
  }

  /** {@return no labels} */
  public static Labels none() {
    return NONE;
  }

  /** {@return these labels, in key order} */
  public static Labels of(Map<String, String> labels) {
    return labels.isEmpty() ? NONE : new Labels(ImmutableSortedMap.copyOf(labels));
  }

  /** {@return one label} */
  public static Labels of(String key, String value) {
    return new Labels(ImmutableSortedMap.of(key, value));
  }

  /**
   * Parses {@code k=v,k2=v2}. An empty string is no labels.
   *
   * @throws IllegalArgumentException when a pair has no {@code =} or a key repeats
   */
  public static Labels parse(String text) {
    if (text.isEmpty()) {
      return NONE;
    }
    ImmutableSortedMap.Builder<String, String> builder = ImmutableSortedMap.naturalOrder();
    for (String pair : Splitter.on(',').trimResults().split(text)) {
      int eq = pair.indexOf('=');
      checkArgument(eq > 0, "expected key=value in labels \"%s\", got \"%s\"", text, pair);
      builder.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return new Labels(builder.buildOrThrow());
  }

  /** {@return the value of a label, if present} */
  public Optional<String> get(String key) {
    return Optional.ofNullable(asMap.get(key));
  }

  /** {@return whether a label with this key is present (its value may be empty)} */
  public boolean has(String key) {
    return asMap.containsKey(key);
  }

  /** {@return a copy with one label set} */
  public Labels with(String key, String value) {
    ImmutableSortedMap.Builder<String, String> builder = ImmutableSortedMap.naturalOrder();
    asMap.forEach((k, v) -> {
      if (!k.equals(key)) {
        builder.put(k, v);
      }
    });
    return new Labels(builder.put(key, value).buildOrThrow());
  }

  /** {@return whether there are no labels} */
  public boolean isEmpty() {
    return asMap.isEmpty();
  }

  @Override
  public String toString() {
    return Joiner.on(',').withKeyValueSeparator('=').join(asMap);
  }
}
