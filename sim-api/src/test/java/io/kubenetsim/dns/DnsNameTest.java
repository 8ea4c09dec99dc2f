package io.kubenetsim.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.net.IpAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Names as RFC 1035 §2.3.4 limits them (63-octet labels, 253 characters without the final dot)
 * and RFC 4343 compares them (without case), and the reverse names of RFC 1035 §3.5 and RFC
 * 3596 §2.5 — the forms kubernetes/dns specification §2.3.3 gives for PTR owners.
 */
class DnsNameTest {

  @Test
  void ofMakesTheNameAbsoluteAndKeepsItsCase() {
    DnsName name = DnsName.of("Web.Shop.svc.cluster.local");
    assertEquals("Web.Shop.svc.cluster.local.", name.toString());
    assertEquals("web.shop.svc.cluster.local.", name.key());
    assertEquals(name, DnsName.of("Web.Shop.svc.cluster.local."));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "a..b|labels must not be empty",
      ".a|labels must not be empty",
      "a b.c|holds ' '",
      "ex@mple.com|holds '@'",
  })
  void badNamesAreRejectedWithTheReason(String text, String reason) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DnsName.of(text));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    assertTrue(e.getMessage().contains(text), e.getMessage());
    assertEquals(Optional.empty(), DnsName.tryParse(text));
  }

  @Test
  void labelAndNameLengthsAreBounded() {
    String label63 = "a".repeat(63);
    assertEquals(label63, DnsName.of(label63 + ".com").labels().get(0));
    assertThrows(IllegalArgumentException.class, () -> DnsName.of("a".repeat(64) + ".com"));
    String name253 = String.join(".", List.of("a".repeat(63), "b".repeat(63), "c".repeat(63),
        "d".repeat(61)));
    assertEquals(253, name253.length());
    assertEquals(254, DnsName.of(name253).toString().length());
    assertThrows(IllegalArgumentException.class, () -> DnsName.of(name253 + "d"));
  }

  @Test
  void underscoresAndWildcardsAreAllowedForServiceAndWildcardNames() {
    assertEquals(List.of("_http", "_tcp", "web", "shop", "svc", "cluster", "local"),
        DnsName.of("_http._tcp.web.shop.svc.cluster.local").labels());
    assertEquals("*", DnsName.of("*.example.com").labels().get(0));
  }

  @Test
  void theRootHasNoLabels() {
    assertTrue(DnsName.ROOT.isRoot());
    assertEquals(List.of(), DnsName.ROOT.labels());
    assertEquals(DnsName.ROOT, DnsName.of("."));
    assertEquals("com.", DnsName.ROOT.prepend("com").toString());
  }

  @ParameterizedTest(name = "{0} in {1}: {2}")
  @CsvSource({
      "web.shop.svc.cluster.local, cluster.local, true",
      "cluster.local, cluster.local, true",
      "WEB.shop.svc.Cluster.Local, cluster.LOCAL, true",
      "notcluster.local, cluster.local, false",
      "cluster.local, web.cluster.local, false",
      "example.com, ., true",
  })
  void isInComparesWholeLabelsWithoutCase(String name, String zone, boolean in) {
    assertEquals(in, DnsName.of(name).isIn(DnsName.of(zone)));
  }

  @Test
  void labelsBelowAZoneAndSameAs() {
    DnsName name = DnsName.of("Web.shop.svc.cluster.local");
    assertEquals(List.of("Web", "shop", "svc"), name.labelsBelow(DnsName.of("CLUSTER.local")));
    assertThrows(IllegalArgumentException.class, () -> name.labelsBelow(DnsName.of("example")));
    assertTrue(name.sameAs(DnsName.of("web.SHOP.svc.cluster.local.")));
    assertFalse(name.sameAs(DnsName.of("web.shop.svc.cluster")));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "10.96.0.1, 1.0.96.10.in-addr.arpa.",
      "192.168.1.255, 255.1.168.192.in-addr.arpa.",
      "2001:db8::567:89ab, b.a.9.8.7.6.5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.",
      "fd00:10:96::a, a.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.6.9.0.0.0.1.0.0.0.0.d.f.ip6.arpa.",
  })
  void reverseNamesRoundTrip(String address, String reverse) {
    IpAddress ip = IpAddress.parse(address);
    assertEquals(reverse, DnsName.reverse(ip).toString());
    assertEquals(Optional.of(ip), DnsName.of(reverse).reverseAddress());
    assertEquals(Optional.of(ip), DnsName.of(reverse.toUpperCase()).reverseAddress());
  }

  @ParameterizedTest
  @CsvSource({
      "96.10.in-addr.arpa",
      "in-addr.arpa",
      "5.1.0.96.10.in-addr.arpa",
      "256.0.96.10.in-addr.arpa",
      "01.0.96.10.in-addr.arpa",
      "1.0.ip6.arpa",
      "web.shop.svc.cluster.local",
      "g.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.6.9.0.0.0.1.0.0.0.0.d.f.ip6.arpa",
  })
  void reverseNamesOfNetworksOrOtherTreesHoldNoAddress(String name) {
    assertEquals(Optional.empty(), DnsName.of(name).reverseAddress());
  }

  @Test
  void checkAcceptsWhatOfAcceptsAndRefusesWithTheSameMessage() {
    DnsName.check("web");
    DnsName.check("web.shop.");
    DnsName.check("a".repeat(63));
    for (String bad : List.of("we b", "web..shop", "a".repeat(64), "x." + "a".repeat(63)
        + ".b" + ".c".repeat(95))) {
      IllegalArgumentException fromOf = assertThrows(IllegalArgumentException.class,
          () -> DnsName.of(bad));
      IllegalArgumentException fromCheck = assertThrows(IllegalArgumentException.class,
          () -> DnsName.check(bad));
      assertEquals(fromOf.getMessage(), fromCheck.getMessage(), bad);
    }
  }

  @Test
  void tryJoinBuildsASearchCandidateAndRefusesWhatWouldBeInvalid() {
    assertEquals(Optional.of(DnsName.of("web.shop.svc.cluster.local")),
        DnsName.tryJoin("web", "shop.svc.cluster.local"));
    assertEquals("Web.shop.", DnsName.tryJoin("Web", "shop").orElseThrow().text());
    assertEquals(Optional.empty(), DnsName.tryJoin("web", "bad domain"));
    assertEquals(Optional.empty(), DnsName.tryJoin("web", "a..b"));
    assertEquals(Optional.empty(), DnsName.tryJoin("a".repeat(63), "b".repeat(63) + "."
        + "c".repeat(63) + "." + "d".repeat(63)), "over 253 characters");
    assertEquals(Optional.empty(), DnsName.tryJoin("web", ""));
  }
}
