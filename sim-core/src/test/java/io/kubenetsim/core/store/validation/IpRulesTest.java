package io.kubenetsim.core.store.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.net.IpFamily;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * IP and CIDR parsing in upstream's default (sloppy) mode: the rows pin what every version
 * rejects and what only the strict mode would reject, so a stricter parser fails here.
 */
class IpRulesTest {

  private static final Optional<IpFamily> V4 = Optional.of(IpFamily.IPV4);
  private static final Optional<IpFamily> V6 = Optional.of(IpFamily.IPV6);
  private static final Optional<IpFamily> NONE = Optional.empty();

  @Test
  void ipAddressesAreReadSloppily() {
    ip("10.0.0.1",            V4);
    ip("010.000.000.001",     V4);   // leading zeros: only strict mode rejects them
    ip("2001:db8::ffff",      V6);
    ip("::ffff:10.0.0.1",     V4);   // IPv4-mapped counts as IPv4, as Go's To4 says
    ip("10.0.0.300",          NONE);
    ip("10.0.0",              NONE);
    ip("node-1",              NONE);
    ip("fe80::1%eth0",        NONE);
    ip("",                    NONE);
  }

  @Test
  void cidrsAreReadSloppily() {
    cidr("10.244.0.0/16",     V4);
    cidr("10.244.0.1/16",     V4);   // host bits set: only strict mode rejects them
    cidr("fd00:10::/64",      V6);
    cidr("10.0.0.0/32",       V4);
    cidr("10.0.0.0/33",       NONE);
    cidr("fd00::/129",        NONE);
    cidr("10.0.0.0",          NONE);
    cidr("10.0.0.0/",         NONE);
    cidr("10.0.0.0/a",        NONE);
    cidr("10.0.0.0/24/8",     NONE);
  }

  @Test
  void invalidValuesGetUpstreamsExampleMessages() {
    assertEquals(java.util.List.of("must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"),
        IpRules.ip("10.0.0.300"));
    assertEquals(
        java.util.List.of("must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"),
        IpRules.cidr("10.0.0.0"));
    assertEquals(java.util.List.of(), IpRules.cidr("10.0.0.0/8"));
  }

  @Test
  void sloppyCidrsAreTheNetworkGoCompares() {
    // netutils.ParseCIDRSloppy clears host bits and reads leading zeros as decimal; Go's
    // IPNet.Contains compares IPv4-mapped addresses in their 4-byte form.
    network("10.0.0.1/24",         "10.0.0.0/24");
    network("010.001.0.0/16",      "10.1.0.0/16");
    network("fd00::1/64",          "fd00::/64");
    network("::ffff:10.1.2.3/104", "10.0.0.0/8");
    network("0.0.0.0/0",           "0.0.0.0/0");
    assertEquals(Optional.empty(), IpRules.sloppyCidr("10.0.0.0"));
    assertEquals(Optional.empty(), IpRules.sloppyCidr("10.0.0.0/33"));
  }

  private static void network(String text, String want) {
    assertEquals(Optional.of(io.kubenetsim.net.Cidr.parse(want)), IpRules.sloppyCidr(text),
        () -> "network of \"" + text + "\"");
  }

  private static void ip(String text, Optional<IpFamily> want) {
    assertEquals(want, IpRules.ipFamily(text), () -> "family of IP \"" + text + "\"");
  }

  private static void cidr(String text, Optional<IpFamily> want) {
    assertEquals(want, IpRules.cidrFamily(text), () -> "family of CIDR \"" + text + "\"");
  }
}
