package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * One {@code matchExpressions} entry: a key, an operator and values.
 *
 * <p>The operator is kept as the API's text ({@code In}, {@code NotIn}, {@code Exists}, {@code
 * DoesNotExist}) so that an invalid operator read from a manifest reaches validation and is
 * reported there, as kube-apiserver reports it. Matching follows apimachinery's {@code
 * Requirement.Matches}: {@code NotIn} and {@code DoesNotExist} match objects that lack the key.
 */
public record LabelSelectorRequirement(String key, String operator, ImmutableList<String> values) {

  public static final String IN = "In";
  public static final String NOT_IN = "NotIn";
  public static final String EXISTS = "Exists";
  public static final String DOES_NOT_EXIST = "DoesNotExist";

  public LabelSelectorRequirement {
    checkArgument(key != null, "key must not be null");
    checkArgument(operator != null, "operator must not be null");
    values = ImmutableList.copyOf(values);
  }

  /** {@return a requirement with these parts} */
  public static LabelSelectorRequirement of(String key, String operator, List<String> values) {
    return new LabelSelectorRequirement(key, operator, ImmutableList.copyOf(values));
  }

  /**
   * {@return whether labels satisfy this requirement}
   *
   * @throws IllegalStateException for an operator other than the four the API defines (the
   *     store's validation rejects such selectors before anything matches with them)
   */
  public boolean matches(Labels labels) {
    switch (operator) {
      case IN:
        return labels.has(key) && values.contains(labels.asMap().get(key));
      case NOT_IN:
        return !labels.has(key) || !values.contains(labels.asMap().get(key));
      case EXISTS:
        return labels.has(key);
      case DOES_NOT_EXIST:
        return !labels.has(key);
      default:
        throw new IllegalStateException(
            "selector operator \"" + operator + "\" is not one of In, NotIn, Exists, DoesNotExist");
    }
  }

  @Override
  public String toString() {
    switch (operator) {
      case IN:
        return key + " in (" + String.join(",", values) + ")";
      case NOT_IN:
        return key + " notin (" + String.join(",", values) + ")";
      case EXISTS:
        return key;
      case DOES_NOT_EXIST:
        return "!" + key;
      default:
        return key + " " + operator + " (" + String.join(",", values) + ")";
    }
  }
}
