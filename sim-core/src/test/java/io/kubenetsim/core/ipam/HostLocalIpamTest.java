package io.kubenetsim.core.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HostLocalIpamTest {
  private final HostLocalIpam ipam = new HostLocalIpam(Cidr.parse("10.244.1.0/24"));

  private String next() {
    return ipam.allocate().map(IpAddress::toString).orElse("<none>");
  }

  @Test
  void theFirstPodGetsDotTwo() {
    // Proves .1 is left to the bridge gateway and pods start at .2, as host-local does.
    assertEquals("10.244.1.2", next());
    assertEquals("10.244.1.3", next());
    assertEquals(2, ipam.inUse());
  }

  @Test
  void aSlash24HandsOutExactly253AddressesNeverNetworkGatewayOrBroadcast() {
    // Proves the usable range is .2–.254: 253 distinct addresses, then exhaustion.
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 253; i++) {
      String ip = next();
      assertTrue(seen.add(ip), ip + " handed out twice");
      int last = Integer.parseInt(ip.substring(ip.lastIndexOf('.') + 1));
      assertTrue(last >= 2 && last <= 254, ip + " is the network, gateway or broadcast address");
    }
    assertEquals(Optional.empty(), ipam.allocate());
    assertEquals(253, ipam.inUse());
  }

  @Test
  void aFreedAddressIsNotReusedUntilTheRangeWraps() {
    // Proves why a replacement pod gets a new IP: allocation continues after the last address
    // handed out, and a freed one comes back only after the range has cycled.
    assertEquals("10.244.1.2", next());
    assertEquals("10.244.1.3", next());
    ipam.release(IpAddress.parse("10.244.1.2"));
    assertEquals("10.244.1.4", next(), "the freed .2 must not come back at once");
    for (int i = 5; i <= 254; i++) {
      assertEquals("10.244.1." + i, next());
    }
    assertEquals("10.244.1.2", next(), "after .254 the search wraps to the freed .2");
    assertEquals("<none>", next());
  }

  @Test
  void releasingAnAddressOutsideTheRangeIsIgnored() {
    next();
    ipam.release(IpAddress.parse("10.244.2.2"));
    ipam.release(IpAddress.parse("10.244.1.77"));
    assertEquals(1, ipam.inUse());
    assertFalse(ipam.range().contains(IpAddress.parse("10.244.2.2")));
  }
}
