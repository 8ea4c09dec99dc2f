package io.kubenetsim.core.kubelet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.net.IpAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kubelet's limits on a composed resolv.conf: the cases of upstream's {@code
 * TestFormDNSSearchFitsLimits} (with {@code ExpandedDNSConfig}, now always on) and {@code
 * TestFormDNSNameserversFitsLimits} in {@code pkg/kubelet/network/dns/dns_test.go}.
 */
class PodDnsLimitsTest {
  private static final String SEARCH_EVENT = "Search Line limits were exceeded, some search paths"
      + " have been omitted, the applied search line is: ";

  static Stream<Arguments> searchCases() {
    // 2048 = 128 + 15 * 127 + 15 spaces
    List<String> fits = new ArrayList<>(List.of("A".repeat(128)));
    fits.addAll(Collections.nCopies(15, "A".repeat(127)));
    List<String> overByTwo = new ArrayList<>(fits);
    overByTwo.add("B");
    List<String> base = List.of("testNS.svc.TEST", "svc.TEST", "TEST");
    List<String> thirtyTwo = Stream.concat(base.stream(),
        IntStream.rangeClosed(4, 32).mapToObj(String::valueOf)).toList();
    List<String> thirtyThree = Stream.concat(thirtyTwo.stream(), Stream.of("33")).toList();
    List<String> withLong = List.of("testNS.svc.TEST", "svc.TEST", "TEST", "AAA",
        "B".repeat(256), "BBB");
    List<String> withoutLong = List.of("testNS.svc.TEST", "svc.TEST", "TEST", "AAA", "BBB");
    return Stream.of(
        Arguments.of("3 search paths", base, base, List.of()),
        Arguments.of("5 search paths", withoutLong, withoutLong, List.of()),
        Arguments.of("a 256-character search path is dropped", withLong, withoutLong,
            List.of(SEARCH_EVENT + String.join(" ", withoutLong))),
        Arguments.of("2048 characters fit", fits, fits, List.of()),
        Arguments.of("2050 characters lose the last domain", overByTwo, fits,
            List.of(SEARCH_EVENT + String.join(" ", fits))),
        Arguments.of("32 search paths fit", thirtyTwo, thirtyTwo, List.of()),
        Arguments.of("33 search paths lose the last", thirtyThree, thirtyTwo,
            List.of(SEARCH_EVENT + String.join(" ", thirtyTwo))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("searchCases")
  void searchLineFitsTheLimits(String name, List<String> searches, List<String> applied,
      List<String> events) {
    List<PodDnsWarning> warnings = new ArrayList<>();
    assertEquals(applied, PodDnsLimits.searches(searches, warnings));
    assertEquals(events, warnings.stream().map(PodDnsWarning::message).toList());
    warnings.forEach(w -> assertEquals("DNSConfigForming", w.reason()));
  }

  static Stream<Arguments> nameserverCases() {
    return Stream.of(
        Arguments.of("1 nameserver", List.of("127.0.0.1"), List.of("127.0.0.1"), List.of()),
        Arguments.of("3 nameservers", List.of("127.0.0.1", "10.0.0.10", "8.8.8.8"),
            List.of("127.0.0.1", "10.0.0.10", "8.8.8.8"), List.of()),
        Arguments.of("4 nameservers, trimmed to 3",
            List.of("127.0.0.1", "10.0.0.10", "8.8.8.8", "1.2.3.4"),
            List.of("127.0.0.1", "10.0.0.10", "8.8.8.8"),
            List.of("Nameserver limits were exceeded, some nameservers have been omitted, the "
                + "applied nameserver line is: 127.0.0.1 10.0.0.10 8.8.8.8")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nameserverCases")
  void nameserversFitTheLimit(String name, List<String> nameservers, List<String> applied,
      List<String> events) {
    List<PodDnsWarning> warnings = new ArrayList<>();
    assertEquals(applied.stream().map(IpAddress::parse).toList(), PodDnsLimits.nameservers(
        nameservers.stream().map(IpAddress::parse).toList(), warnings));
    assertEquals(events, warnings.stream().map(PodDnsWarning::message).toList());
  }
}
