package io.kubenetsim.core.store.alloc;

import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.ApiException;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.manifest.InvalidObject;
import io.kubenetsim.manifest.ValidationException;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServiceSpec;
import io.kubenetsim.model.ServiceType;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.IpFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Service's ClusterIPs, one per entry of {@code spec.ipFamilies}, primary first, as
 * upstream's {@code storage/alloc.go} hands them out: {@code allocClusterIPs} and {@code
 * allocIPs} on create, {@code updateClusterIPs} on update. The families were defaulted and
 * checked against the cluster before ({@code initIPFamilyFields}); here each family gets the
 * address asked for in {@code clusterIPs[i]}, or the next free one of that family.
 *
 * <p>Update cases, in upstream's order: from ExternalName, allocate as on create; a headless
 * Service needs nothing; to ExternalName, every old address is released; one family to two
 * (an upgrade by {@code PreferDualStack} or {@code RequireDualStack}), the secondary is
 * allocated; two to one ({@code SingleStack}), the old secondary is released. Anything else
 * keeps the addresses, and validation refuses a changed one ("may not change once set").
 * Upstream's early return for an unchanged {@code PreferDualStack} Service is implied: such an
 * update is none of those cases.
 *
 * <p>Every address taken registers its release with the write's {@link AllocationTransaction};
 * addresses to free are returned, to be freed only when the write is stored. Upstream walks the
 * families in map order and stops at the first failure without giving back what that call took;
 * here the primary goes first, and a failure gives back everything the write took (the
 * caller's revert), so a refused write changes nothing.
 *
 * <pre>{@code
 * ServiceClusterIps.Result r = new ServiceClusterIps(ips).forCreate(service, tx);
 * r.clusterIPs();  // ["10.104.3.7", "fd00:10:96::3c1"] for [IPv4, IPv6]
 * }</pre>
 */
final class ServiceClusterIps {

  /**
   * What a write does to ClusterIPs.
   *
   * @param clusterIPs the Service's {@code clusterIPs} to store (the primary is {@code
   *     clusterIP})
   * @param releaseOnCommit old addresses the Service no longer holds once the write is stored
   */
  record Result(ImmutableList<String> clusterIPs, ImmutableList<IpAddress> releaseOnCommit) {
    static Result keep(ServiceSpec spec) {
      return new Result(spec.clusterIPs(), ImmutableList.of());
    }
  }

  private final ClusterIpAllocator allocator;

  ServiceClusterIps(ClusterIpAllocator allocator) {
    this.allocator = allocator;
  }

  /** {@return the addresses of a new Service; ExternalName and headless ones get none} */
  Result forCreate(Service service, AllocationTransaction tx) {
    ServiceSpec spec = service.spec();
    if (isExternalName(spec) || isHeadless(spec)) {
      return Result.keep(spec);
    }
    List<IpFamily> families = families(spec);
    // Upstream pads clusterIPs with "" markers, one per family without an address; they show
    // in its error value.
    List<String> requested = new ArrayList<>(spec.clusterIPs());
    while (requested.size() < families.size()) {
      requested.add("");
    }
    List<String> shown = List.copyOf(requested);
    List<String> out = new ArrayList<>(requested);
    for (int i = 0; i < families.size(); i++) {
      out.set(i, take(service, families.get(i), requested.get(i), shown, tx));
    }
    return new Result(ImmutableList.copyOf(out), ImmutableList.of());
  }

  /** {@return what an update of {@code stored} to {@code service} takes and frees} */
  Result forUpdate(Service stored, Service service, AllocationTransaction tx) {
    ServiceSpec old = stored.spec();
    ServiceSpec spec = service.spec();
    if (isExternalName(old) && !isExternalName(spec)) {
      return forCreate(service, tx);
    }
    if (isHeadless(old)) {
      return Result.keep(spec);
    }
    if (!isExternalName(old) && isExternalName(spec)) {
      return new Result(spec.clusterIPs(), addresses(old.clusterIPs()));
    }
    int before = old.ipFamilies().size();
    int after = spec.ipFamilies().size();
    if (before == 1 && after == 2) {
      List<String> ips = new ArrayList<>(spec.clusterIPs());
      if (ips.size() < 2) {
        ips.add("");
      }
      List<String> shown = List.copyOf(ips);
      ips.set(1, take(service, families(spec).get(1), ips.get(1), shown, tx));
      return new Result(ImmutableList.copyOf(ips), ImmutableList.of());
    }
    if (before == 2 && after == 1 && old.clusterIPs().size() == 2) {
      return new Result(spec.clusterIPs(), addresses(old.clusterIPs().subList(1, 2)));
    }
    return Result.keep(spec);
  }

  /**
   * {@return the requested address, taken, or the next free one of {@code family}}
   *
   * @throws ValidationException upstream's {@code spec.clusterIPs} error when the requested
   *     address is outside every range of its family or already held
   * @throws ApiException InternalError when the family's ranges are full
   */
  private String take(Service service, IpFamily family, String requested, List<String> shown,
      AllocationTransaction tx) {
    if (requested.isEmpty()) {
      IpAddress ip = allocator.allocateNext(family).orElseThrow(() -> new ApiException(
          ApiException.Reason.INTERNAL_ERROR, "failed to allocate a serviceIP: range is full"));
      tx.onRevert(() -> allocator.release(ip));
      return ip.toString();
    }
    // Validation ran on the family fields before allocation, so the address parses.
    IpAddress ip = IpAddress.parse(requested);
    Optional<String> refused = allocator.allocate(ip);
    if (refused.isPresent()) {
      throw ValidationException.of(InvalidObject.of(service.kind(),
          service.metadata().namespace(), service.metadata().name(),
          List.of(FieldError.invalid("spec.clusterIPs", shown, "failed to allocate IP "
              + requested + ": " + refused.get(), "service.cluster-ip.allocate"))));
    }
    tx.onRevert(() -> allocator.release(ip));
    return requested;
  }

  private static List<IpFamily> families(ServiceSpec spec) {
    List<IpFamily> families = spec.ipFamilies().stream().map(IpFamily::named)
        .flatMap(Optional::stream).toList();
    checkState(!families.isEmpty() && families.size() == spec.ipFamilies().size(),
        "ipFamilies %s must be defaulted and checked before allocation", spec.ipFamilies());
    return families;
  }

  private static ImmutableList<IpAddress> addresses(List<String> texts) {
    return texts.stream().map(IpAddress::tryParse).flatMap(Optional::stream)
        .collect(ImmutableList.toImmutableList());
  }

  private static boolean isExternalName(ServiceSpec spec) {
    return spec.isType(ServiceType.EXTERNAL_NAME);
  }

  /** Upstream tests {@code clusterIPs[0]}, which defaulting has synced with {@code clusterIP}. */
  private static boolean isHeadless(ServiceSpec spec) {
    return !spec.clusterIPs().isEmpty() && spec.clusterIPs().get(0).equals("None");
  }
}
