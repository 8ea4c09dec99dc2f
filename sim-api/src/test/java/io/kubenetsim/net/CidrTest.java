package io.kubenetsim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing rows as in Guava's HostAndPortTest: text in, canonical text (or rejection) out. */
class CidrTest {

  @ParameterizedTest
  @CsvSource({
      // text,             canonical or empty when rejected
      "10.244.0.0/16,      10.244.0.0/16",
      "0.0.0.0/0,          0.0.0.0/0",
      "10.96.0.0/12,       10.96.0.0/12",
      "2001:db8::/64,      2001:db8::/64",
      "2001:DB8:0::/64,    2001:db8::/64",
      "10.0.0.0/7,         10.0.0.0/7",
      "2001:db8::/33,      2001:db8::/33",
      "::/0,               ::/0",
      "10.244.0.1/16,      ''",
      "11.0.0.0/7,         ''",
      "2001:db8::1/127,    ''",
      "2001:db8::8000:0:0:0/64, ''",
      "10.0.0.0/33,        ''",
      "10.0.0.0,           ''",
      "10.0.0.0/,          ''",
      "10.0.0.0/8/8,       ''",
      "example.com/8,      ''",
      "10.0.0.300/24,      ''",
  })
  void parsesCanonicalPrefixesOnly(String text, String canonical) {
    assertEquals(canonical, Cidr.tryParse(text.strip()).map(Cidr::toString).orElse(""));
  }

  @ParameterizedTest
  @CsvSource({
      "10.244.0.0/16, 24, 0,   10.244.0.0/24",
      "10.244.0.0/16, 24, 1,   10.244.1.0/24",
      "10.244.0.0/16, 24, 255, 10.244.255.0/24",
      "10.244.0.0/16, 26, 5,   10.244.1.64/26",
  })
  void subnetsCountFromTheNetworkAddress(String cidr, int mask, long index, String expected) {
    assertEquals(expected, Cidr.parse(cidr).subnet(mask, index).toString());
  }

  @ParameterizedTest
  @CsvSource({
      "10.244.1.0/24, 10.244.1.0,   true",
      "10.244.1.0/24, 10.244.1.255, true",
      "10.244.1.0/24, 10.244.2.0,   false",
      "10.244.1.0/24, fd00::1,      false",
      "10.244.1.7/32, 10.244.1.7,   true",
      "10.244.1.7/32, 10.244.1.6,   false",
      "0.0.0.0/0,     255.255.255.255, true",
      "::/0,          10.0.0.1,     false",
      "::/0,          ffff::1,      true",
      "2001:db8::/33, 2001:db8:7fff::1, true",
      "2001:db8::/33, 2001:db8:8000::1, false",
      "2001:db8::/65, 2001:db8::7fff:0:0:1, true",
      "2001:db8::/65, 2001:db8::8000:0:0:1, false",
      "2001:db8::1/128, 2001:db8::1, true",
      "2001:db8::1/128, 2001:db8::2, false",
  })
  void containsChecksFamilyAndPrefix(String cidr, String ip, boolean expected) {
    assertEquals(expected, Cidr.parse(cidr).contains(IpAddress.parse(ip)));
  }

  @ParameterizedTest
  @CsvSource({"10.0.0.1", "255.255.255.255", "0.0.0.0", "::1", "2001:db8::ff00:42:8329"})
  void addressesRoundTripThroughText(String text) {
    assertEquals(text, IpAddress.parse(text).toString());
  }

  @org.junit.jupiter.api.Test
  void addressArithmeticStaysInTheFamily() {
    assertEquals("10.244.1.2", IpAddress.parse("10.244.0.255").plus(3).toString());
    assertEquals("10.244.255.255", Cidr.parse("10.244.0.0/16").lastAddress().toString());
    assertTrue(Cidr.parse("10.0.0.0/8").overlaps(Cidr.parse("10.1.0.0/16")));
    assertFalse(Cidr.parse("10.0.0.0/16").overlaps(Cidr.parse("10.1.0.0/16")));
    assertTrue(IpAddress.parse("10.0.0.2").compareTo(IpAddress.parse("10.0.0.10")) < 0,
        "addresses order numerically, not as text");
  }
}
