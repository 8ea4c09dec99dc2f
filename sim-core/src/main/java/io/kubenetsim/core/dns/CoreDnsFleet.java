package io.kubenetsim.core.dns;

import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.Informer;
import io.kubenetsim.core.store.InformerFactory;
import io.kubenetsim.core.store.WatchEvent;
import io.kubenetsim.dns.DnsQuestion;
import io.kubenetsim.dns.DnsResponse;
import io.kubenetsim.model.ConfigMap;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.ObjectRef;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodPhase;
import io.kubenetsim.model.Service;
import io.kubenetsim.net.IpAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The CoreDNS processes of the cluster: one {@link CoreDnsServer} per running container of a
 * {@code k8s-app=kube-dns} pod in kube-system, all reading one {@link KubernetesZone} fed by
 * their own lagging informers, and running the Corefile of the {@code kube-system/coredns}
 * ConfigMap.
 *
 * <p>The Corefile follows the ConfigMap as in a real cluster: a process reads the file when it
 * starts (a new or restarted container takes the ConfigMap as it then is); a running process
 * whose Corefile has the {@code reload} plugin takes a changed ConfigMap {@link #RELOAD_INTERVAL}
 * after its informer delivered it (the plugin's default check interval), and keeps its previous
 * configuration when the new one is invalid, logging {@code CorefileReloadFailed}, as the reload
 * plugin does. A Corefile naming what kube-netsim does not simulate is refused when written (see
 * {@link CorefileAdmission}), so only CoreDNS's own errors reach here.
 *
 * <pre>{@code
 * CoreDnsFleet fleet = new CoreDnsFleet(sim, factory, lag, "cluster.local", pod -> upstream);
 * fleet.server(corednsPod).map(s -> s.answer(DnsQuestion.of("web.shop.svc.cluster.local",
 *     RecordType.A)));
 * }</pre>
 *
 * <p>Simplification: the replicas share one watch cache (each real replica has its own, with
 * the same lag), so a restarted replica answers from the cache the others built rather than
 * from a fresh list. The kubelet's delay in refreshing a ConfigMap volume (up to a minute) is
 * folded into the informer lag. A process that starts with an invalid Corefile would exit and
 * crash-loop; here its pod stays Running but answers nothing. Deleting the ConfigMap leaves the
 * running configuration in place.
 */
public final class CoreDnsFleet {
  /** Where kubeadm puts CoreDNS's configuration. */
  public static final ObjectRef CONFIG_MAP = new ObjectRef(ConfigMap.KIND,
      "kube-system", "coredns");
  /** The ConfigMap key CoreDNS reads ({@code -conf /etc/coredns/Corefile}). */
  public static final String COREFILE_KEY = Corefile.DEFAULT_FILE;
  /** The reload plugin's default check interval. */
  public static final Duration RELOAD_INTERVAL = Duration.ofSeconds(30);

  private final Simulator sim;
  private final KubernetesZone zone;
  private final Function<Pod, Upstream> upstreams;
  /** What a process starting now reads: the ConfigMap as the kubelet last mounted it. */
  private CorefileParse mounted;
  /** Running processes by pod key, with the restart count they started at. */
  private final Map<String, Running> running = new TreeMap<>();

  /** A process: the pod it runs in (by uid and restart count) and what it was started with. */
  private record Running(String uid, int restarts, List<IpAddress> own, Upstream upstream,
      Optional<CoreDnsServer> server) {

    Running restartedWith(Corefile corefile, KubernetesZone zone) {
      return new Running(uid, restarts, own, upstream,
          Optional.of(new CoreDnsServer(corefile, zone, own, upstream)));
    }
  }

  /**
   * @param lag the watch lag of CoreDNS's informers (and of the ConfigMap volume)
   * @param clusterDomain the domain of the Corefile used before any ConfigMap is seen
   * @param upstreams where each CoreDNS pod's {@code forward} sends questions
   */
  public CoreDnsFleet(Simulator sim, ApiStore store, InformerFactory factory, Duration lag,
      String clusterDomain, Function<Pod, Upstream> upstreams) {
    this.sim = sim;
    this.upstreams = upstreams;
    this.zone = new KubernetesZone(factory.informer(Service.class, lag),
        factory.informer(EndpointSlice.class, lag), factory.informer(Pod.class, lag),
        factory.informer(Namespace.class, lag), sim.clock());
    // The informers' first list arrives after one lag; until then CoreDNS answers SERVFAIL.
    sim.schedule(lag, zone::markSynced);
    this.mounted = Corefile.parse(Corefile.kubeadm(clusterDomain));
    Informer<ConfigMap> configMaps = factory.informer(ConfigMap.class, lag);
    configMaps.addHandler(this::onConfigMap);
    // A container starts on its node: it reads its Corefile then, not when first asked.
    store.watch(this::onPod);
  }

  /** {@return whether a pod is one of CoreDNS's (kubeadm's {@code k8s-app=kube-dns} label)} */
  public static boolean isCoreDns(Pod pod) {
    return pod.metadata().namespace().equals(CONFIG_MAP.namespace())
        && "kube-dns".equals(pod.metadata().labels().asMap().get("k8s-app"));
  }

  /** {@return the zone every replica answers from} */
  public KubernetesZone zone() {
    return zone;
  }

  /** {@return the Corefile a CoreDNS process starting now would run, or why it would not start} */
  public CorefileParse mountedCorefile() {
    return mounted;
  }

  /**
   * {@return the CoreDNS process running in {@code pod}: empty when the pod is not CoreDNS's,
   * not running, or its process could not start}
   */
  public Optional<CoreDnsServer> server(Pod pod) {
    if (!isCoreDns(pod) || pod.status().phase() != PodPhase.RUNNING || pod.ip().isEmpty()) {
      return Optional.empty();
    }
    String key = pod.metadata().key().toString();
    Running now = running.get(key);
    int restarts = pod.status().restartCount();
    if (now == null || !now.uid().equals(pod.metadata().uid()) || now.restarts() != restarts) {
      now = start(pod, restarts);
      running.put(key, now);
    }
    return now.server();
  }

  /** {@return the process of the first CoreDNS pod (by name) that runs one} */
  public Optional<CoreDnsServer> anyServer() {
    return running.values().stream().map(Running::server).flatMap(Optional::stream)
        .findFirst();
  }

  /** {@return a CoreDNS process's reply, or empty when {@code pod} runs none} */
  public Optional<DnsResponse> answer(Pod pod, DnsQuestion question) {
    return server(pod).map(s -> s.answer(question));
  }

  private Running start(Pod pod, int restarts) {
    List<IpAddress> own = pod.ip().flatMap(IpAddress::tryParse).stream().toList();
    Upstream upstream = upstreams.apply(pod);
    mounted.error().ifPresent(e -> sim.log().record("CorefileInvalid", CONFIG_MAP, "pod "
        + pod.metadata().key() + " cannot start CoreDNS: " + e.message()));
    return new Running(pod.metadata().uid(), restarts, own, upstream,
        mounted.corefile().map(c -> new CoreDnsServer(c, zone, own, upstream)));
  }

  private void onPod(WatchEvent event) {
    if (!(event.object() instanceof Pod pod) || !isCoreDns(pod)) {
      return;
    }
    if (event.type() == WatchEvent.Type.DELETED) {
      running.remove(pod.metadata().key().toString());
    } else {
      server(pod);
    }
  }

  private void onConfigMap(WatchEvent event) {
    ConfigMap map = (ConfigMap) event.object();
    if (event.type() == WatchEvent.Type.DELETED
        || !map.metadata().key().equals(CONFIG_MAP.key())) {
      return;
    }
    String text = map.data().getOrDefault(COREFILE_KEY, "");
    if (text.equals(mounted.corefile().map(Corefile::text).orElse(null))) {
      return;
    }
    mounted = Corefile.parse(text);
    CorefileParse seen = mounted;
    sim.schedule(RELOAD_INTERVAL, () -> reload(seen));
  }

  /** The reload plugin of every running process whose Corefile has one. */
  private void reload(CorefileParse next) {
    for (Map.Entry<String, Running> entry : running.entrySet()) {
      Running was = entry.getValue();
      if (was.server().isEmpty() || !hasReload(was.server().get().corefile())) {
        continue;
      }
      if (next.error().isPresent()) {
        sim.log().record("CorefileReloadFailed", CONFIG_MAP, "pod " + entry.getKey()
            + " keeps its Corefile: " + next.error().get().message());
        continue;
      }
      CoreDnsServer old = was.server().get();
      if (old.corefile().text().equals(next.orElseThrow().text())) {
        continue;
      }
      entry.setValue(was.restartedWith(next.orElseThrow(), zone));
      sim.log().record("CorefileReloaded", CONFIG_MAP, "pod " + entry.getKey()
          + " runs the new Corefile");
    }
  }

  private static boolean hasReload(Corefile corefile) {
    return corefile.serverBlocks().stream().flatMap(b -> b.directives().stream())
        .anyMatch(d -> d.name().equals("reload"));
  }
}
