package io.kubenetsim.core.controllers;

import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.Informer;
import io.kubenetsim.core.store.WatchEvent;
import io.kubenetsim.model.LoadBalancerIngress;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServiceStatus;
import io.kubenetsim.net.Cidr;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A simulated cloud-controller-manager service controller: a LoadBalancer Service of the
 * default class gets a load balancer after a provisioning delay, its IP taken from a pool and
 * written to {@code status.loadBalancer.ingress} ({@code <pending>} until then). The IP is
 * freed when the Service is deleted or stops being a LoadBalancer. A Service whose status
 * already names an ingress (a manifest written as a cloud controller would) is left alone, as
 * is one with a {@code loadBalancerClass}, which belongs to another implementation.
 *
 * <p>Runs only with {@link io.kubenetsim.CloudProvider#SIMULATED}; with {@code
 * --cloud-provider none} no controller is started and LoadBalancer Services stay pending.
 */
public final class ServiceLoadBalancerController {
  private final Simulator sim;
  private final ApiStore store;
  private final Cidr pool;
  private final Duration delay;
  /** Per Service uid, its pool offset (-1 while provisioning); looked up, never iterated. */
  private final Map<String, Long> ipByServiceUid = new HashMap<>();
  private final TreeSet<Long> used = new TreeSet<>();
  /** Services that found the pool full, retried in name order as addresses free up. */
  private final TreeSet<NamespacedName> waiting = new TreeSet<>();

  public ServiceLoadBalancerController(Simulator sim, ApiStore store, Informer<Service> services,
      Cidr pool, Duration delay) {
    this.sim = sim;
    this.store = store;
    this.pool = pool;
    this.delay = delay;
    services.addHandler(this::onService);
  }

  private void onService(WatchEvent event) {
    Service service = (Service) event.object();
    String uid = service.metadata().uid();
    if (event.type() == WatchEvent.Type.DELETED || !wantsBalancer(service)) {
      release(uid);
      return;
    }
    if (service.status().loadBalancerIngress().isEmpty() && !ipByServiceUid.containsKey(uid)) {
      NamespacedName key = service.metadata().key();
      ipByServiceUid.put(uid, -1L); // provisioning
      sim.schedule(delay, () -> provision(key, uid));
    }
  }

  private static boolean wantsBalancer(Service service) {
    return "LoadBalancer".equals(service.spec().type())
        && service.spec().loadBalancerClass().isEmpty();
  }

  private void provision(NamespacedName key, String uid) {
    Service current = store.get(Service.class, key).orElse(null);
    if (current == null || !current.metadata().uid().equals(uid) || !wantsBalancer(current)
        || !current.status().loadBalancerIngress().isEmpty()) {
      ipByServiceUid.remove(uid);
      return;
    }
    long offset = nextFree();
    if (offset < 0) {
      ipByServiceUid.remove(uid);
      waiting.add(key);
      sim.log().record("SyncLoadBalancerFailed", current.ref(), "no free IP in the pool " + pool
          + "; waiting for one to be released");
      return;
    }
    waiting.remove(key);
    used.add(offset);
    ipByServiceUid.put(uid, offset);
    String ip = pool.address(offset).toString();
    store.patch(Service.class, key,
        s -> s.withStatus(ServiceStatus.of(List.of(LoadBalancerIngress.ip(ip)))),
        "EnsuredLoadBalancer", "load balancer at " + ip);
  }

  private long nextFree() {
    long last = pool.size().longValueExact() - 2;
    for (long offset = 1; offset <= last; offset++) {
      if (!used.contains(offset)) {
        return offset;
      }
    }
    return -1;
  }

  private void release(String uid) {
    Long offset = ipByServiceUid.remove(uid);
    if (offset != null && offset >= 0) {
      used.remove(offset);
      retryWaiting();
    }
  }

  private void retryWaiting() {
    NamespacedName next = waiting.pollFirst();
    if (next == null) {
      return;
    }
    store.get(Service.class, next).filter(ServiceLoadBalancerController::wantsBalancer)
        .ifPresentOrElse(s -> {
          ipByServiceUid.put(s.metadata().uid(), -1L);
          sim.schedule(delay, () -> provision(next, s.metadata().uid()));
        }, this::retryWaiting);
  }
}
