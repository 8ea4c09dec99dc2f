package io.kubenetsim.core.store.alloc;

import static io.kubenetsim.core.store.alloc.DualStackCreateTest.both;
import static io.kubenetsim.core.store.alloc.DualStackCreateTest.clusterIps;
import static io.kubenetsim.core.store.alloc.DualStackCreateTest.families;
import static io.kubenetsim.core.store.alloc.DualStackCreateTest.manifest;
import static io.kubenetsim.core.store.alloc.DualStackCreateTest.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubenetsim.ApiException;
import io.kubenetsim.core.store.WriteStrategy;
import io.kubenetsim.core.store.validation.ServiceValidation;
import io.kubenetsim.manifest.ValidationException;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServiceSpec;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.IpFamily;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Allocation failures of IPv6 and dual-stack Services, with upstream's errors ({@code allocIPs}
 * in {@code storage/alloc.go}: {@code spec.clusterIPs} holds the whole list, padded with an
 * empty marker per family still to allocate; a full range is an InternalError), and the
 * revert-on-failure that upstream's {@code TestCreateDeleteReuse} and {@code
 * ServiceAllocatorTest} rely on: a refused create leaves every range as it was.
 */
class DualStackAllocationTest {
  private final List<Cidr> ranges =
      List.of(Cidr.parse("10.96.0.0/16"), Cidr.parse("fd00:10:96::/112"));
  private final ServiceAllocator allocator = DualStackCreateTest.allocator(ranges);
  private final ServiceStrategy strategy =
      new ServiceStrategy(allocator, new ServiceValidation(ranges));

  private Service create(String name, UnaryOperator<ServiceSpec.Builder> change) {
    Service service = manifest(change);
    WriteStrategy.Prepared prepared = strategy.prepareCreate(service.withMetadata(
        service.metadata().withName(name)));
    prepared.commit().run();
    return (Service) prepared.object();
  }

  private String refusal(UnaryOperator<ServiceSpec.Builder> change) {
    int before = allocator.clusterIps().allocatedCount();
    ValidationException e = assertThrows(ValidationException.class,
        () -> strategy.prepareCreate(manifest(change)));
    assertEquals(before, allocator.clusterIps().allocatedCount(), "nothing kept");
    assertEquals(1, e.errors().size(), e.errors().toString());
    return e.errors().get(0).toString();
  }

  @Test
  void aRequestedIpv6AddressThatIsTakenIsRefusedWithTheList() {
    create("first", both(families("IPv6"), clusterIps("fd00:10:96::5")));
    assertEquals("spec.clusterIPs: Invalid value: [\"fd00:10:96::5\"]: failed to allocate IP "
        + "fd00:10:96::5: provided IP is already allocated",
        refusal(both(families("IPv6"), clusterIps("fd00:10:96::5"))));
  }

  @Test
  void aRequestedIpv6AddressOutsideTheRangeNamesOnlyTheIpv6Range() {
    assertEquals("spec.clusterIPs: Invalid value: [\"fd00:99::5\"]: failed to allocate IP "
        + "fd00:99::5: the provided IP (fd00:99::5) is not in the valid range. The range of "
        + "valid IPs is fd00:10:96::/112", refusal(clusterIps("fd00:99::5")));
  }

  @Test
  void aTakenPrimaryIsReportedWithTheMarkerOfTheFamilyStillToAllocate() {
    create("first", clusterIps("10.96.0.5"));
    assertEquals("spec.clusterIPs: Invalid value: [\"10.96.0.5\",\"\"]: failed to allocate IP "
        + "10.96.0.5: provided IP is already allocated",
        refusal(both(policy("RequireDualStack"), clusterIps("10.96.0.5"))));
  }

  @Test
  void aTakenSecondaryGivesBackThePrimaryTakenBeforeIt() {
    create("first", both(families("IPv6"), clusterIps("fd00:10:96::5")));
    assertEquals("spec.clusterIPs: Invalid value: [\"10.96.0.6\",\"fd00:10:96::5\"]: failed to "
        + "allocate IP fd00:10:96::5: provided IP is already allocated",
        refusal(both(policy("RequireDualStack"), clusterIps("10.96.0.6", "fd00:10:96::5"))));
    assertEquals(Optional.empty(), allocator.clusterIps().allocate(IpAddress.parse("10.96.0.6")),
        "10.96.0.6 was given back");
  }

  @Test
  void aFullIpv6RangeIsAnInternalErrorAndGivesBackTheIpv4Address() {
    ServiceAllocator tiny = DualStackCreateTest.allocator(
        List.of(Cidr.parse("10.96.0.0/16"), Cidr.parse("fd00:10:96::/124")));
    for (int i = 0; i < 15; i++) {
      tiny.clusterIps().allocateNext(IpFamily.IPV6).orElseThrow();
    }
    ServiceStrategy full = new ServiceStrategy(tiny, new ServiceValidation(
        List.of(Cidr.parse("10.96.0.0/16"), Cidr.parse("fd00:10:96::/124"))));
    ApiException e = assertThrows(ApiException.class,
        () -> full.prepareCreate(manifest(policy("PreferDualStack"))));
    assertEquals(ApiException.Reason.INTERNAL_ERROR, e.reason());
    assertEquals("failed to allocate a serviceIP: range is full", e.getMessage());
    assertEquals(15, tiny.clusterIps().allocatedCount(), "the IPv4 address went back");
  }

  @Test
  void deletingADualStackServiceFreesBothAddresses() {
    Service web = create("web", policy("RequireDualStack"));
    assertEquals(2, allocator.clusterIps().allocatedCount());
    allocator.release(web);
    assertEquals(0, allocator.clusterIps().allocatedCount());
    // Upstream's TestCreateDeleteReuse: the same addresses can be asked for again.
    create("again", both(policy("RequireDualStack"),
        clusterIps(web.spec().clusterIPs().toArray(String[]::new))));
    assertEquals(2, allocator.clusterIps().allocatedCount());
  }
}
