package io.kubenetsim.core.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.net.Cidr;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CidrSetTest {

  private static String next(CidrSet set) {
    return set.allocateNext().map(Cidr::toString).orElse("<none>");
  }

  @Test
  void nodesGetConsecutiveSubnetsFromTheStartOfTheClusterCidr() {
    // Proves the RangeAllocator order: node 1 gets 10.244.0.0/24, node 2 10.244.1.0/24, ...
    CidrSet set = new CidrSet(Cidr.parse("10.244.0.0/16"), 24);
    assertEquals("10.244.0.0/24", next(set));
    assertEquals("10.244.1.0/24", next(set));
    assertEquals("10.244.2.0/24", next(set));
  }

  @Test
  void aReleasedSubnetIsReusedOnlyAfterTheCursorWraps() {
    // Proves the cursor: a freed subnet behind the cursor is skipped until the search wraps
    // round, so a new node does not inherit a just-deleted node's range.
    CidrSet set = new CidrSet(Cidr.parse("10.244.0.0/22"), 24); // 4 subnets
    assertEquals("10.244.0.0/24", next(set));
    assertEquals("10.244.1.0/24", next(set));
    assertEquals("10.244.2.0/24", next(set));
    set.release(Cidr.parse("10.244.0.0/24"));
    assertEquals("10.244.3.0/24", next(set), "the never-used subnet comes first");
    assertEquals("10.244.0.0/24", next(set), "then the freed one, after wrapping");
    assertEquals("<none>", next(set));
  }

  @Test
  void aReleasedSubnetAheadOfTheCursorIsNotSkipped() {
    CidrSet set = new CidrSet(Cidr.parse("10.244.0.0/22"), 24);
    next(set);
    next(set);
    next(set);
    next(set);
    set.release(Cidr.parse("10.244.1.0/24"));
    set.release(Cidr.parse("10.244.3.0/24"));
    assertEquals("10.244.1.0/24", next(set), "cursor wrapped to 0; first free from there");
    assertEquals("10.244.3.0/24", next(set));
  }

  @Test
  void exhaustionYieldsEmpty() {
    CidrSet set = new CidrSet(Cidr.parse("10.244.0.0/23"), 24);
    next(set);
    next(set);
    assertEquals(Optional.empty(), set.allocateNext());
    assertEquals(Optional.empty(), set.allocateNext(), "still empty on a second try");
  }

  @Test
  void occupiedSubnetsAreNeverHandedOut() {
    // Proves occupy(): subnets nodes brought along are skipped; subnets outside the cluster
    // CIDR or of another size are ignored rather than corrupting the bitmap.
    CidrSet set = new CidrSet(Cidr.parse("10.244.0.0/22"), 24);
    set.occupy(Cidr.parse("10.244.0.0/24"));
    set.occupy(Cidr.parse("10.244.2.0/24"));
    set.occupy(Cidr.parse("192.168.0.0/24"));
    set.occupy(Cidr.parse("10.244.1.0/25"));
    assertEquals("10.244.1.0/24", next(set));
    assertEquals("10.244.3.0/24", next(set));
    assertEquals("<none>", next(set));
  }

  @Test
  void releasingASubnetOutsideTheSetChangesNothing() {
    CidrSet set = new CidrSet(Cidr.parse("10.244.0.0/23"), 24);
    next(set);
    next(set);
    set.release(Cidr.parse("10.245.0.0/24"));
    assertEquals("<none>", next(set));
  }
}
