package io.kubenetsim.core.store.alloc;

import io.kubenetsim.ApiException;
import io.kubenetsim.core.store.WriteStrategy;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.manifest.InvalidObject;
import io.kubenetsim.manifest.ValidationException;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.ServiceSpec;
import io.kubenetsim.model.ServiceType;
import io.kubenetsim.net.IpAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A Service's ClusterIPs and NodePorts, allocated as upstream's {@code storage/alloc.go} does:
 * staged in a transaction before validation (so an allocation error is reported alone, and
 * hides ordinary validation errors), committed when the write is stored, reverted otherwise.
 * ClusterIPs come first, one per IP family ({@link ServiceClusterIps}); a ClusterIP failure
 * ends the write before any NodePort is taken, as upstream's {@code allocateCreate} returns on
 * it. On update, releases are deferred to the commit, so a failed update frees nothing.
 *
 * <pre>{@code
 * WriteStrategy.Prepared p = allocator.allocateCreate(ServiceDefaults.apply(service, families));
 * p.commit().run();  // or p.revert().run(): everything taken is free again
 * }</pre>
 */
public final class ServiceAllocator {
  private final ClusterIpAllocator clusterIps;
  private final ServiceClusterIps clusterIpsOf;
  private final NodePortAllocator nodePorts;

  public ServiceAllocator(ClusterIpAllocator clusterIps, NodePortAllocator nodePorts) {
    this.clusterIps = clusterIps;
    this.clusterIpsOf = new ServiceClusterIps(clusterIps);
    this.nodePorts = nodePorts;
  }

  /** {@return the ClusterIP allocator} */
  public ClusterIpAllocator clusterIps() {
    return clusterIps;
  }

  /** {@return the NodePort allocator} */
  public NodePortAllocator nodePorts() {
    return nodePorts;
  }

  /** Allocates what a new, defaulted Service needs. */
  public WriteStrategy.Prepared allocateCreate(Service service) {
    AllocationTransaction tx = new AllocationTransaction();
    try {
      ServiceClusterIps.Result ips = clusterIpsOf.forCreate(service, tx);
      Service allocated = allocate(service, ips, Optional.empty(), tx);
      return new WriteStrategy.Prepared(allocated, () -> { }, tx::revert);
    } catch (RuntimeException e) {
      tx.revert();
      throw e;
    }
  }

  /** Allocates what an updated, defaulted Service newly needs; releases the rest on commit. */
  public WriteStrategy.Prepared allocateUpdate(Service stored, Service updated) {
    AllocationTransaction tx = new AllocationTransaction();
    try {
      ServiceClusterIps.Result ips = clusterIpsOf.forUpdate(stored, updated, tx);
      Service allocated = allocate(updated, ips, Optional.of(stored), tx);
      List<Runnable> releases = releasesOnUpdate(stored, allocated);
      ips.releaseOnCommit().forEach(ip -> releases.add(() -> clusterIps.release(ip)));
      return new WriteStrategy.Prepared(allocated, () -> releases.forEach(Runnable::run),
          tx::revert);
    } catch (RuntimeException e) {
      tx.revert();
      throw e;
    }
  }

  /** Releases everything a deleted Service held. */
  public void release(Service service) {
    service.spec().clusterIPs().forEach(ip -> IpAddress.tryParse(ip)
        .ifPresent(clusterIps::release));
    service.spec().ports().forEach(p -> nodePorts.release(p.nodePort()));
    if (service.spec().healthCheckNodePort() > 0) {
      nodePorts.release(service.spec().healthCheckNodePort());
    }
  }

  private Service allocate(Service service, ServiceClusterIps.Result clusterIpsTaken,
      Optional<Service> stored, AllocationTransaction tx) {
    ServiceSpec spec = service.spec();
    List<FieldError> errors = new ArrayList<>();
    List<String> ips = clusterIpsTaken.clusterIPs();
    List<ServicePort> ports = allocateNodePorts(spec, stored, tx, errors);
    int healthCheck = allocateHealthCheck(spec, stored, tx, errors);
    if (!errors.isEmpty()) {
      throw ValidationException.of(InvalidObject.of(service.kind(),
          service.metadata().namespace(), service.metadata().name(), errors));
    }
    return service.withSpec(spec.with(b -> {
      b.clusterIPs = ips;
      b.clusterIP = ips.isEmpty() ? b.clusterIP : ips.get(0);
      b.ports = ports;
      b.healthCheckNodePort = healthCheck;
      return b;
    }));
  }

  private List<ServicePort> allocateNodePorts(ServiceSpec spec, Optional<Service> stored,
      AllocationTransaction tx, List<FieldError> errors) {
    if (!needsNodePorts(spec) && spec.ports().stream().allMatch(p -> p.nodePort() == 0)) {
      return spec.ports();
    }
    List<Integer> held = stored.map(s -> s.spec().ports().stream().map(ServicePort::nodePort)
        .toList()).orElse(List.of());
    Map<Integer, Integer> byServicePort = new HashMap<>();
    List<ServicePort> out = new ArrayList<>(spec.ports());
    for (int i = 0; i < out.size(); i++) {
      ServicePort port = out.get(i);
      if (port.nodePort() == 0) {
        continue;
      }
      boolean sharedWithSibling = byServicePort.get(port.port()) != null
          && byServicePort.get(port.port()) == port.nodePort();
      if (!held.contains(port.nodePort()) && !sharedWithSibling) {
        Optional<String> refused = nodePorts.allocate(port.nodePort());
        if (refused.isPresent()) {
          errors.add(FieldError.invalid("spec.ports[" + i + "].nodePort", port.nodePort(),
              refused.get(), "service.node-port.allocate"));
          continue;
        }
        int taken = port.nodePort();
        tx.onRevert(() -> nodePorts.release(taken));
      }
      byServicePort.put(port.port(), port.nodePort());
    }
    if (!needsNodePorts(spec)) {
      return out;
    }
    for (int i = 0; i < out.size(); i++) {
      ServicePort port = out.get(i);
      if (port.nodePort() != 0) {
        continue;
      }
      Integer sibling = byServicePort.get(port.port());
      int nodePort = sibling != null ? sibling : next(tx);
      byServicePort.put(port.port(), nodePort);
      out.set(i, port.withNodePort(nodePort));
    }
    return out;
  }

  private int allocateHealthCheck(ServiceSpec spec, Optional<Service> stored,
      AllocationTransaction tx, List<FieldError> errors) {
    boolean needed = ServiceType.LOAD_BALANCER.toString().equals(spec.type())
        && "Local".equals(spec.externalTrafficPolicy());
    int requested = spec.healthCheckNodePort();
    int held = stored.map(s -> s.spec().healthCheckNodePort()).orElse(0);
    if (!needed || (requested != 0 && requested == held)) {
      return needed ? requested : spec.healthCheckNodePort();
    }
    if (requested == 0) {
      return next(tx);
    }
    Optional<String> refused = nodePorts.allocate(requested);
    if (refused.isPresent()) {
      throw new ApiException(ApiException.Reason.INTERNAL_ERROR,
          "failed to allocate requested HealthCheck NodePort " + requested + ": "
              + refused.get());
    }
    tx.onRevert(() -> nodePorts.release(requested));
    return requested;
  }

  private int next(AllocationTransaction tx) {
    OptionalInt port = nodePorts.allocateNext();
    if (port.isEmpty()) {
      throw new ApiException(ApiException.Reason.INTERNAL_ERROR,
          "failed to allocate a nodePort: range is full");
    }
    tx.onRevert(() -> nodePorts.release(port.getAsInt()));
    return port.getAsInt();
  }

  /** The node ports an update frees; its ClusterIPs are {@link ServiceClusterIps}'. */
  private List<Runnable> releasesOnUpdate(Service stored, Service updated) {
    List<Runnable> releases = new ArrayList<>();
    List<Integer> kept = updated.spec().ports().stream().map(ServicePort::nodePort).toList();
    for (ServicePort port : stored.spec().ports()) {
      if (port.nodePort() != 0 && !kept.contains(port.nodePort())) {
        releases.add(() -> nodePorts.release(port.nodePort()));
      }
    }
    int oldHealth = stored.spec().healthCheckNodePort();
    if (oldHealth != 0 && oldHealth != updated.spec().healthCheckNodePort()) {
      releases.add(() -> nodePorts.release(oldHealth));
    }
    return releases;
  }

  private static boolean isExternalName(ServiceSpec spec) {
    return ServiceType.EXTERNAL_NAME.toString().equals(spec.type());
  }

  private static boolean needsNodePorts(ServiceSpec spec) {
    return ServiceType.NODE_PORT.toString().equals(spec.type())
        || (ServiceType.LOAD_BALANCER.toString().equals(spec.type())
            && spec.allocateLoadBalancerNodePorts().orElse(true));
  }
}
