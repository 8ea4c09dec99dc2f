package io.kubenetsim.core.manifest;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.LabelSelectorRequirement;

/**
 * Decodes a {@code metav1.LabelSelector} ({@code matchLabels}, {@code matchExpressions}). An
 * operator such as {@code Equals} is kept as written: validation reports it with its path.
 */
final class LabelSelectorDecoder {

  private LabelSelectorDecoder() {}

  static LabelSelector decode(ObjectCursor selector) {
    ImmutableList.Builder<LabelSelectorRequirement> expressions = ImmutableList.builder();
    for (ObjectCursor expression :
        selector.objects("matchExpressions", "v1.LabelSelectorRequirement")) {
      expressions.add(new LabelSelectorRequirement(expression.string("key"),
          expression.string("operator"), expression.strings("values")));
    }
    return new LabelSelector(selector.stringMap("matchLabels"), expressions.build());
  }
}
