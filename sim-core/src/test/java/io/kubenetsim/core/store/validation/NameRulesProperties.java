package io.kubenetsim.core.store.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-written name matchers accept exactly what upstream's regular expressions accept
 * (the formats of {@code apimachinery/pkg/util/validation}, kept as the messages quote them).
 */
class NameRulesProperties {

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.strings().withChars("ab9Z-._/ ").ofMaxLength(8);
  }

  @Property(tries = 3000)
  void matchersAgreeWithTheFormats(@ForAll("names") String value) {
    assertEquals(Pattern.matches(NameRules.DNS1123_LABEL_FMT, value),
        NameRules.isDns1123Label(value, 0, value.length()), "label " + value);
    assertEquals(Pattern.matches(NameRules.DNS1123_SUBDOMAIN_FMT, value),
        NameRules.isDns1123Subdomain(value), "subdomain " + value);
    assertEquals(Pattern.matches(NameRules.LABEL_KEY_FMT, value), NameRules.isLabelName(value),
        "label name " + value);
    assertEquals(Pattern.matches(NameRules.LABEL_VALUE_FMT, value),
        NameRules.labelValue(value).isEmpty() || value.length() > 63, "label value " + value);
  }
}
