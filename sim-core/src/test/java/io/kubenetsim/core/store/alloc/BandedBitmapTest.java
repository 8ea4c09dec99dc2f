package io.kubenetsim.core.store.alloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.core.engine.SeededRandom;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.PortRange;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The static/dynamic band math of KEP-3070 (ClusterIPs: offset min(max(16, size/16), 256), none
 * for size ≤ 16) and KEP-3668 (NodePorts: min(max(16, size/32), 128)), shown by behaviour:
 * automatic picks take every slot of the upper band before the first slot of the lower band,
 * the lower band is exactly the expected addresses or ports, and a full range gives empty.
 */
class BandedBitmapTest {

  @Test
  void theBitmapFillsTheUpperBandBeforeTheLowerAndThenReportsFull() {
    BandedBitmap bitmap = new BandedBitmap(20, 4, new SeededRandom(1));
    Set<Integer> upper = new TreeSet<>();
    for (int i = 0; i < 16; i++) {
      int slot = bitmap.allocateNext().getAsInt();
      assertTrue(slot >= 4 && slot < 20, "pick " + i + " = " + slot + " left the upper band");
      upper.add(slot);
    }
    assertEquals(16, upper.size());
    Set<Integer> lower = new TreeSet<>();
    for (int i = 0; i < 4; i++) {
      lower.add(bitmap.allocateNext().getAsInt());
    }
    assertEquals(Set.of(0, 1, 2, 3), lower);
    assertEquals(OptionalInt.empty(), bitmap.allocateNext());
    assertEquals(20, bitmap.count());
    bitmap.clear(2);
    assertEquals(OptionalInt.of(2), bitmap.allocateNext(), "a freed slot is found again");
  }

  @Test
  void aSlash12HasA256AddressStaticBandFrom10_96_0_1To10_96_1_0() {
    // Mark every upper-band address used by hand, then the 256 automatic picks left must be
    // exactly 10.96.0.1–10.96.1.0, and the 257th finds the range full.
    Cidr cidr = Cidr.parse("10.96.0.0/12");
    ClusterIpRange range = new ClusterIpRange(cidr, new SeededRandom(7));
    long usable = cidr.size().longValueExact() - 2;
    for (long offset = 257; offset <= usable; offset++) {
      range.allocate(cidr.address(offset));
    }
    Set<IpAddress> lower = new TreeSet<>();
    for (int i = 0; i < 256; i++) {
      lower.add(range.allocateNext().orElseThrow());
    }
    assertEquals(IpAddress.parse("10.96.0.1"), ((TreeSet<IpAddress>) lower).first());
    assertEquals(IpAddress.parse("10.96.1.0"), ((TreeSet<IpAddress>) lower).last());
    assertEquals(256, lower.size());
    assertEquals(Optional.empty(), range.allocateNext(), "exhausted");
    assertFalse(range.inRange(IpAddress.parse("10.96.0.0")), "network address");
    assertFalse(range.inRange(IpAddress.parse("10.111.255.255")), "broadcast address");
  }

  @Test
  void dynamicPicksInASlash12AvoidTheStaticBand() {
    ClusterIpRange range = new ClusterIpRange(Cidr.parse("10.96.0.0/12"), new SeededRandom(3));
    for (int i = 0; i < 2000; i++) {
      IpAddress ip = range.allocateNext().orElseThrow();
      assertTrue(ip.compareTo(IpAddress.parse("10.96.1.0")) > 0, ip + " is in the static band");
    }
  }

  @Test
  void aSlash24HasA16AddressStaticBand() {
    Cidr cidr = Cidr.parse("10.0.0.0/24");
    ClusterIpRange range = new ClusterIpRange(cidr, new SeededRandom(5));
    for (int i = 0; i < 254 - 16; i++) {
      long offset = cidr.offsetOf(range.allocateNext().orElseThrow());
      assertTrue(offset > 16, "pick " + i + " at offset " + offset + " is in the static band");
    }
    Set<Long> lower = new TreeSet<>();
    for (int i = 0; i < 16; i++) {
      lower.add(cidr.offsetOf(range.allocateNext().orElseThrow()));
    }
    assertEquals(16, lower.size());
    assertEquals(1L, ((TreeSet<Long>) lower).first());
    assertEquals(16L, ((TreeSet<Long>) lower).last());
    assertEquals(Optional.empty(), range.allocateNext());
    assertEquals(254, range.allocatedCount());
  }

  @Test
  void aSlash28HasNoBandAtAll() {
    // 14 usable addresses, offset 0: an automatic first pick may be .1, which a banded range
    // (any band at all) would hold back while the upper band has room.
    Cidr cidr = Cidr.parse("10.0.0.0/28");
    Set<Long> firstPicks = new TreeSet<>();
    for (long seed = 0; seed < 200; seed++) {
      ClusterIpRange range = new ClusterIpRange(cidr, new SeededRandom(seed));
      firstPicks.add(cidr.offsetOf(range.allocateNext().orElseThrow()));
    }
    assertTrue(firstPicks.contains(1L), "no band: .1 should be a possible first pick, got "
        + firstPicks);
    ClusterIpRange range = new ClusterIpRange(cidr, new SeededRandom(9));
    for (int i = 0; i < 14; i++) {
      assertTrue(range.allocateNext().isPresent());
    }
    assertEquals(Optional.empty(), range.allocateNext());
  }

  @Test
  void theDefaultNodePortRangeKeeps30000To30085ForRequestedPorts() {
    NodePortAllocator ports = new NodePortAllocator(new PortRange(30000, 32767),
        new SeededRandom(11));
    for (int i = 0; i < 2768 - 86; i++) {
      int port = ports.allocateNext().getAsInt();
      assertTrue(port >= 30086 && port <= 32767, "pick " + i + " = " + port);
    }
    Set<Integer> lower = new TreeSet<>();
    for (int i = 0; i < 86; i++) {
      lower.add(ports.allocateNext().getAsInt());
    }
    assertEquals(86, lower.size());
    assertEquals(30000, ((TreeSet<Integer>) lower).first());
    assertEquals(30085, ((TreeSet<Integer>) lower).last());
    assertEquals(OptionalInt.empty(), ports.allocateNext(), "exhausted");
    assertEquals(2768, ports.allocatedCount());
  }

  @Test
  void aRequestedNodePortIsCheckedForRangeAndUse() {
    NodePortAllocator ports = new NodePortAllocator(new PortRange(30000, 32767),
        new SeededRandom(11));
    assertEquals(Optional.empty(), ports.allocate(30000));
    assertEquals(Optional.of("provided port is already allocated"), ports.allocate(30000));
    assertEquals(Optional.of("provided port is not in the valid range. The range of valid "
        + "ports is 30000-32767"), ports.allocate(32768));
    ports.release(30000);
    assertEquals(Optional.empty(), ports.allocate(30000));
  }

  @Test
  void aSixteenPortRangeHasNoBand() {
    // size 16 ≤ 16: offset 0, so 30000 can be an automatic pick for some seed.
    boolean sawFirst = false;
    for (long seed = 0; seed < 64 && !sawFirst; seed++) {
      NodePortAllocator ports = new NodePortAllocator(new PortRange(30000, 30015),
          new SeededRandom(seed));
      sawFirst = ports.allocateNext().getAsInt() == 30000;
    }
    assertTrue(sawFirst, "30000 was never a first pick in a band-less range");
  }
}
