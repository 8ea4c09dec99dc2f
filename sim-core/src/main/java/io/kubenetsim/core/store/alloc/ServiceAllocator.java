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
import io.kubenetsim.net.IpFamily;
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
 * On update, releases are deferred to the commit, so a failed update frees nothing.
 */
public final class ServiceAllocator {
  private final ClusterIpAllocator clusterIps;
  private final NodePortAllocator nodePorts;

  public ServiceAllocator(ClusterIpAllocator clusterIps, NodePortAllocator nodePorts) {
    this.clusterIps = clusterIps;
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
    Transaction tx = new Transaction();
    try {
      Service allocated = allocate(service, Optional.empty(), tx);
      return new WriteStrategy.Prepared(allocated, () -> { }, tx::revert);
    } catch (RuntimeException e) {
      tx.revert();
      throw e;
    }
  }

  /** Allocates what an updated, defaulted Service newly needs; releases the rest on commit. */
  public WriteStrategy.Prepared allocateUpdate(Service stored, Service updated) {
    Transaction tx = new Transaction();
    try {
      Service allocated = allocate(updated, Optional.of(stored), tx);
      List<Runnable> releases = releasesOnUpdate(stored, allocated);
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

  private Service allocate(Service service, Optional<Service> stored, Transaction tx) {
    ServiceSpec spec = service.spec();
    List<FieldError> errors = new ArrayList<>();
    List<String> ips = allocateClusterIPs(spec, stored, tx, errors);
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

  private List<String> allocateClusterIPs(ServiceSpec spec, Optional<Service> stored,
      Transaction tx, List<FieldError> errors) {
    if (isExternalName(spec) || spec.isHeadless()) {
      return spec.clusterIPs();
    }
    List<String> held = stored.<List<String>>map(s -> s.spec().clusterIPs()).orElse(List.of());
    if (spec.clusterIPs().isEmpty()) {
      IpAddress ip = clusterIps.allocateNext(IpFamily.IPV4).orElseThrow(() -> new ApiException(
          ApiException.Reason.INTERNAL_ERROR, "failed to allocate a serviceIP: range is full"));
      tx.onRevert(() -> clusterIps.release(ip));
      return List.of(ip.toString());
    }
    for (String text : spec.clusterIPs()) {
      Optional<IpAddress> ip = IpAddress.tryParse(text);
      if (ip.isEmpty() || held.contains(text)) {
        continue; // malformed: validation reports it; held: the Service keeps its own address
      }
      Optional<String> refused = clusterIps.allocate(ip.get());
      if (refused.isPresent()) {
        errors.add(FieldError.invalid("spec.clusterIPs", List.of(text),
            "failed to allocate IP " + text + ": " + refused.get(), "service.cluster-ip.allocate"));
      } else {
        tx.onRevert(() -> clusterIps.release(ip.get()));
      }
    }
    return spec.clusterIPs();
  }

  private List<ServicePort> allocateNodePorts(ServiceSpec spec, Optional<Service> stored,
      Transaction tx, List<FieldError> errors) {
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

  private int allocateHealthCheck(ServiceSpec spec, Optional<Service> stored, Transaction tx,
      List<FieldError> errors) {
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

  private int next(Transaction tx) {
    OptionalInt port = nodePorts.allocateNext();
    if (port.isEmpty()) {
      throw new ApiException(ApiException.Reason.INTERNAL_ERROR,
          "failed to allocate a nodePort: range is full");
    }
    tx.onRevert(() -> nodePorts.release(port.getAsInt()));
    return port.getAsInt();
  }

  private List<Runnable> releasesOnUpdate(Service stored, Service updated) {
    List<Runnable> releases = new ArrayList<>();
    for (String ip : stored.spec().clusterIPs()) {
      if (!updated.spec().clusterIPs().contains(ip)) {
        IpAddress.tryParse(ip).ifPresent(a -> releases.add(() -> clusterIps.release(a)));
      }
    }
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

  /** Undo steps of one write, run in reverse order on revert. */
  private static final class Transaction {
    private final List<Runnable> undo = new ArrayList<>();

    void onRevert(Runnable step) {
      undo.add(step);
    }

    void revert() {
      for (int i = undo.size() - 1; i >= 0; i--) {
        undo.get(i).run();
      }
      undo.clear();
    }
  }
}
