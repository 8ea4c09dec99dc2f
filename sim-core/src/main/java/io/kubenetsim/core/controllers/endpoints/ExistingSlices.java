package io.kubenetsim.core.controllers.endpoints;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.OwnerReference;
import io.kubenetsim.model.Service;
import io.kubenetsim.net.IpFamily;
import java.util.List;

/**
 * The slices a Service's sync starts from, split as upstream's endpointslice {@code Reconcile}
 * and {@code reconcileByAddressType} split the slices labelled with the Service's name and the
 * controller's managed-by value: those of an address type the Service no longer has are stale,
 * those {@link #ownedBy} rejects are stale, and the rest are the Service's own, grouped by
 * address type. Slices with another managed-by value never get here. Pure.
 *
 * <pre>{@code
 * ExistingSlices existing = ExistingSlices.split(service, labelled, List.of(IpFamily.IPV4));
 * existing.owned(IpFamily.IPV4);  // what the planner may update
 * existing.stale();               // what to delete, each with why
 * }</pre>
 *
 * @param owned the Service's own slices by address type, in the order given
 * @param stale the slices to delete, in the order given
 */
record ExistingSlices(ImmutableListMultimap<IpFamily, EndpointSlice> owned,
    ImmutableList<Stale> stale) {

  /** Why a slice labelled for the Service is deleted. */
  enum Why {
    /** Its address type is not one of the Service's families. */
    ADDRESS_TYPE_DROPPED,
    /** No ownerReference names the Service by uid, kind and apiVersion. */
    NOT_OWNED
  }

  /** A slice to delete and why. */
  record Stale(EndpointSlice slice, Why why) {

    /** {@return the event text saying why, naming the Service} */
    String detail(Service service, List<IpFamily> families) {
      String name = service.metadata().namespace() + "/" + service.metadata().name();
      return switch (why) {
        case ADDRESS_TYPE_DROPPED -> "address type " + slice.addressType() + " is not among "
            + "Service " + name + "'s ipFamilies " + families;
        case NOT_OWNED -> "labelled " + EndpointSlice.MANAGED_BY_LABEL + "="
            + EndpointSlice.CONTROLLER_NAME + " but not owned by Service " + name + " (no "
            + "ownerReference to uid " + service.metadata().uid() + ")";
      };
    }
  }

  /**
   * {@return the slices split for this Service}
   *
   * @param labelled the slices with the Service's name and the controller's managed-by value
   * @param families the Service's families ({@link ServiceFamilies#of})
   */
  static ExistingSlices split(Service service, List<EndpointSlice> labelled,
      List<IpFamily> families) {
    ImmutableListMultimap.Builder<IpFamily, EndpointSlice> owned =
        ImmutableListMultimap.builder();
    ImmutableList.Builder<Stale> stale = ImmutableList.builder();
    for (EndpointSlice slice : labelled) {
      IpFamily family = families.stream()
          .filter(f -> f.kubernetesName().equals(slice.addressType())).findFirst().orElse(null);
      if (family == null) {
        stale.add(new Stale(slice, Why.ADDRESS_TYPE_DROPPED));
      } else if (!ownedBy(slice, service)) {
        stale.add(new Stale(slice, Why.NOT_OWNED));
      } else {
        owned.put(family, slice);
      }
    }
    return new ExistingSlices(owned.build(), stale.build());
  }

  /**
   * {@return whether an ownerReference of the slice is the Service}: same uid, kind {@code
   * Service}, apiVersion {@code v1}, as upstream's {@code ownedBy}; the {@code controller} flag
   * and the name are not looked at.
   */
  static boolean ownedBy(EndpointSlice slice, Service service) {
    for (OwnerReference owner : slice.metadata().ownerReferences()) {
      if (owner.uid().equals(service.metadata().uid()) && owner.kind().equals(Service.KIND)
          && owner.apiVersion().equals("v1")) {
        return true;
      }
    }
    return false;
  }

  /** {@return the Service's own slices of one address type} */
  List<EndpointSlice> owned(IpFamily family) {
    return owned.get(family);
  }
}
