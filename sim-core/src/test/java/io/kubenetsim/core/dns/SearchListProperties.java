package io.kubenetsim.core.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.dns.DnsName;
import io.kubenetsim.dns.ResolvConf;
import io.kubenetsim.dns.ResolvOption;
import io.kubenetsim.net.IpAddress;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever the name, search list and {@code ndots}: the name as written is asked exactly once,
 * no name is asked twice, and a relative name is asked once per search domain plus once as
 * written (search domains distinct, none the root, no {@code no-tld-query}).
 */
class SearchListProperties {

  @Property
  void theNameAsWrittenIsAskedOnceAndNothingTwice(@ForAll("names") String name,
      @ForAll("searchLists") Set<String> searches, @ForAll @IntRange(min = 0, max = 15) int ndots,
      @ForAll boolean absolute) {
    String query = absolute ? name + "." : name;
    ResolvConf conf = ResolvConf.of(List.of(IpAddress.parse("10.96.0.10")),
        List.copyOf(searches), List.of(ResolvOption.of("ndots", String.valueOf(ndots))));
    List<DnsName> candidates = SearchList.candidates(query, conf);
    DnsName asIs = DnsName.of(query);
    assertEquals(1, candidates.stream().filter(asIs::sameAs).count(), candidates.toString());
    assertEquals(candidates.size(),
        candidates.stream().map(DnsName::key).collect(Collectors.toSet()).size(),
        "duplicates in " + candidates);
    assertEquals(absolute ? 1 : searches.size() + 1, candidates.size(), candidates.toString());
  }

  @Provide
  Arbitrary<String> names() {
    return labels().list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l));
  }

  @Provide
  Arbitrary<Set<String>> searchLists() {
    // Distinct by their lower-case form, as names compare.
    return labels().list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(".", l))
        .map(String::toLowerCase).set().ofMaxSize(6);
  }

  private static Arbitrary<String> labels() {
    return Arbitraries.strings().withChars("abcXYZ019-_").ofMinLength(1).ofMaxLength(10)
        .filter(l -> !l.startsWith("-") && !l.endsWith("-"));
  }
}
