package io.kubenetsim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hash of an address: equal for equal addresses, and spread for pod-like blocks. */
class IpAddressTest {

  @Test
  void equalAddressesHashAlike() {
    for (String text : new String[] {"10.96.0.1", "0.0.0.0", "255.255.255.255", "fd00::5",
        "2001:db8::8000:0:0:1"}) {
      IpAddress parsed = IpAddress.parse(text);
      IpAddress copy = new IpAddress(parsed.family(), parsed.high(), parsed.low());
      assertEquals(parsed, copy, text);
      assertEquals(parsed.hashCode(), copy.hashCode(), text);
    }
  }

  /**
   * 6,000 pod addresses, 6 per node's /24 (a 1,000-node cluster's layout), fall into at least
   * half of an 8,192-bucket table as HashMap indexes it (random hashes fill about 4,200); with
   * the record's own hash they shared a few hundred, so lookups fell into tree bins.
   */
  @Test
  void podAddressesSpreadOverHashBuckets() {
    Cidr pods = Cidr.parse("100.64.0.0/10");
    Set<Integer> buckets = new HashSet<>();
    for (int node = 0; node < 1000; node++) {
      for (int host = 2; host < 8; host++) {
        int hash = pods.subnet(24, node).address(host).hashCode();
        buckets.add((hash ^ (hash >>> 16)) & 8191);
      }
    }
    assertTrue(buckets.size() >= 4096, "buckets used: " + buckets.size());
  }

  @Test
  void dottedQuadsAreReadStrictlyOrSloppily() {
    assertEquals(0x0A000001L, IpAddress.dottedQuadBits("10.0.0.1", false));
    assertEquals(-1, IpAddress.dottedQuadBits("010.0.0.1", false), "a leading zero is ambiguous");
    assertEquals(0x0A000001L, IpAddress.dottedQuadBits("010.0.0.1", true), "read as decimal");
    assertEquals(0x0A000001L, IpAddress.dottedQuadBits("00000010.0.0.1", true));
    assertEquals(-1, IpAddress.dottedQuadBits("000000010.0.0.1", true), "at most 8 digits");
    for (String bad : new String[] {"", "1.2.3", "1.2.3.4.", "1..2.3", "1.2.3.256", "a.b.c.d"}) {
      assertEquals(-1, IpAddress.dottedQuadBits(bad, true), bad);
      assertEquals(-1, IpAddress.dottedQuadBits(bad, false), bad);
    }
    assertEquals(IpAddress.parse("192.168.0.255"), IpAddress.ipv4(
        IpAddress.dottedQuadBits("192.168.0.255", false)));
  }
}
