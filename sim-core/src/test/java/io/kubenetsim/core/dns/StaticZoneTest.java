package io.kubenetsim.core.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.dns.DnsName;
import io.kubenetsim.dns.RecordType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The outside world's authoritative answers (RFC 1034 §4.3.2's algorithm, RFC 2308 negative
 * answers with the enclosing SOA, RFC 4592 wildcards, RFC 6604's rcode after a CNAME chain):
 * NXDOMAIN for names that do not exist, NODATA for names that do (empty non-terminals
 * included), CNAMEs followed within the zone, a loop cut short.
 */
class StaticZoneTest {
  private static final StaticZone ZONE = new StaticZone()
      .add("example.com SOA ns.example.com. hostmaster.example.com. 1 7200 1800 86400 60")
      .add("example.com A 93.184.216.34")
      .add("www.example.com CNAME example.com")
      .add("loop1.example.com CNAME loop2.example.com")
      .add("loop2.example.com CNAME loop1.example.com")
      .add("*.apps.example.com A 10.0.0.7")
      .add("x.deep.example.com TXT \"hi\"")
      .add("out.example.com CNAME missing.example.com");

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = ';', value = {
      "example.com;A;NOERROR | example.com. 300 A 93.184.216.34",
      "WWW.Example.com;A;NOERROR | www.example.com. 300 CNAME example.com. "
          + "| example.com. 300 A 93.184.216.34",
      "www.example.com;CNAME;NOERROR | www.example.com. 300 CNAME example.com.",
      "www.example.com;AAAA;NOERROR | www.example.com. 300 CNAME example.com. "
          + "| soa=example.com. 300",
      "nope.example.com;A;NXDOMAIN | soa=example.com. 300",
      "deep.example.com;A;NODATA | soa=example.com. 300",
      "foo.apps.example.com;A;NOERROR | foo.apps.example.com. 300 A 10.0.0.7",
      "a.b.apps.example.com;A;NOERROR | a.b.apps.example.com. 300 A 10.0.0.7",
      "apps.example.com;A;NODATA | soa=example.com. 300",
      "loop1.example.com;A;NOERROR | loop1.example.com. 300 CNAME loop2.example.com. "
          + "| loop2.example.com. 300 CNAME loop1.example.com.",
      "out.example.com;A;NXDOMAIN | out.example.com. 300 CNAME missing.example.com. "
          + "| soa=example.com. 300",
      "other.org;A;NXDOMAIN",
  })
  void answersAsAnAuthoritativeServer(String name, String type, String expected) {
    assertEquals(expected, DnsFixture.summary(ZONE.answer(DnsFixture.question(name,
        RecordType.parse(type)))));
  }

  @Test
  void isAnUpstreamThatAlwaysReplies() {
    assertEquals(ZONE.answer(DnsFixture.question("example.com", RecordType.A)),
        ZONE.forward(DnsFixture.question("example.com", RecordType.A)).orElseThrow());
  }

  @Test
  void recordsAreSortedAndRemovable() {
    StaticZone zone = new StaticZone().add("b.example A 192.0.2.2").add("a.example A 192.0.2.1")
        .add("a.example A 192.0.2.1");
    assertEquals("a.example. 300 IN A 192.0.2.1\nb.example. 300 IN A 192.0.2.2\n",
        zone.toString());
    assertTrue(zone.remove(DnsName.of("a.example")));
    assertEquals("NXDOMAIN", DnsFixture.summary(zone.answer(DnsFixture.question("a.example",
        RecordType.A))));
    assertThrows(IllegalArgumentException.class, () -> zone.add("a.example A not-an-ip"));
  }
}
