package io.kubenetsim.core.controllers.endpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.core.engine.Simulator;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.core.store.Informer;
import io.kubenetsim.core.store.InformerFactory;
import io.kubenetsim.core.store.WatchEvent;
import io.kubenetsim.core.store.validation.ObjectValidator;
import io.kubenetsim.model.Condition;
import io.kubenetsim.model.ConditionStatus;
import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodPhase;
import io.kubenetsim.model.PodStatus;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.ServiceSpec;
import io.kubenetsim.model.ServiceStatus;
import io.kubenetsim.net.Protocol;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which Services a pod event requeues, as upstream's {@code GetPodServiceMemberships} with
 * {@code podEndpointsChanged} (pkg/controller/util/endpoint/controller_utils.go) decides, and as
 * its {@code TestDetermineNeededServiceUpdates} and {@code TestPodChanged} describe: an update
 * that moves nothing an endpoint shows requeues nobody; a readiness, IP or deletion change
 * requeues the Services selecting the pod; a label change alone requeues only the Services the
 * pod joined or left; both together requeue every Service selecting it before or after.
 */
class PodServiceMembershipTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private Informer<Service> services;
  private long version = 10;

  @BeforeEach
  void servicesAppAndTier() {
    Simulator sim = new Simulator(1, T0);
    ApiStore store = new ApiStore(sim, new ObjectValidator());
    services = new InformerFactory(sim, store).informer(Service.class, Duration.ZERO);
    store.create(Namespace.of("shop"), "test", "");
    store.create(service("by-app", Map.of("app", "web")), "test", "");
    store.create(service("by-tier", Map.of("tier", "front")), "test", "");
    store.create(service("by-both", Map.of("app", "web", "tier", "front")), "test", "");
    store.create(service("other", Map.of("app", "db")), "test", "");
    sim.settle(Long.MAX_VALUE);
  }

  @Test
  void anAddedPodConcernsTheServicesSelectingIt() {
    Pod pod = pod(Labels.of("app", "web"), "", false);
    assertEquals(names("by-app"), selecting(new WatchEvent(WatchEvent.Type.ADDED, pod,
        Optional.empty())));
  }

  @Test
  void anUpdateThatChangesNoEndpointRequeuesNobody() {
    Pod before = pod(Labels.of("app", "web"), "10.244.0.5", true);
    Pod after = before.withStatus(new PodStatus(PodPhase.RUNNING, before.status().conditions(),
        "10.0.0.1", "10.244.0.5", ImmutableList.of("10.244.0.5"), Optional.of(T0),
        ImmutableList.of(), "")).withMetadata(before.metadata().withServerFields(
            before.metadata().uid(), ++version, 1, Optional.empty()));
    assertEquals(List.of(), selecting(update(before, after)),
        "a host IP and start time are not part of an endpoint");
  }

  @Test
  void readinessOrIpChangesRequeueTheServicesSelectingThePod() {
    Pod starting = pod(Labels.of(Map.of("app", "web", "tier", "front")), "10.244.0.5", false);
    Pod ready = pod(Labels.of(Map.of("app", "web", "tier", "front")), "10.244.0.5", true);
    Pod moved = pod(Labels.of(Map.of("app", "web", "tier", "front")), "10.244.0.9", true);
    assertEquals(names("by-app", "by-both", "by-tier"), selecting(update(starting, ready)));
    assertEquals(names("by-app", "by-both", "by-tier"), selecting(update(ready, moved)));
  }

  @Test
  void aLabelChangeAloneRequeuesOnlyTheServicesJoinedOrLeft() {
    Pod web = pod(Labels.of("app", "web"), "10.244.0.5", true);
    Pod front = pod(Labels.of(Map.of("app", "web", "tier", "front")), "10.244.0.5", true);
    assertEquals(names("by-both", "by-tier"), selecting(update(web, front)),
        "still selected by by-app, whose endpoint did not change");
  }

  @Test
  void aLabelAndEndpointChangeRequeuesEveryServiceBeforeOrAfter() {
    Pod web = pod(Labels.of("app", "web"), "10.244.0.5", false);
    Pod db = pod(Labels.of("app", "db"), "10.244.0.5", true);
    assertEquals(names("by-app", "other"), selecting(update(web, db)));
  }

  @Test
  void aResyncOfTheSameVersionRequeuesNobody() {
    Pod web = pod(Labels.of("app", "web"), "10.244.0.5", false);
    assertEquals(List.of(), selecting(new WatchEvent(WatchEvent.Type.MODIFIED, web,
        Optional.of(web))));
  }

  private List<NamespacedName> selecting(WatchEvent event) {
    return PodEndpoints.servicesSelecting(event, services);
  }

  private static WatchEvent update(Pod before, Pod after) {
    return new WatchEvent(WatchEvent.Type.MODIFIED, after, Optional.of(before));
  }

  private static List<NamespacedName> names(String... names) {
    return java.util.Arrays.stream(names).map(n -> NamespacedName.of("shop", n)).toList();
  }

  private Pod pod(Labels labels, String ip, boolean ready) {
    Pod pod = Pod.of("shop", "web-1", labels);
    ImmutableList<Condition> conditions = ImmutableList.of(new Condition("Ready",
        ConditionStatus.of(ready), T0, "", ""));
    return pod.withMetadata(pod.metadata().withServerFields("uid-web-1", ++version, 1,
        Optional.empty())).withStatus(new PodStatus(PodPhase.RUNNING, conditions, "", ip,
            ip.isEmpty() ? ImmutableList.of() : ImmutableList.of(ip), Optional.empty(),
            ImmutableList.of(), ""));
  }

  private static Service service(String name, Map<String, String> selector) {
    return new Service(ObjectMeta.named("shop", name), ServiceSpec.of(selector,
        List.of(new ServicePort("http", Protocol.TCP, "", 80, IntOrString.of(8080), 0)))
        .with(s -> {
          s.type = "ClusterIP";
          s.clusterIP = "None";
          s.clusterIPs = List.of("None");
          s.ipFamilies = List.of("IPv4");
          s.ipFamilyPolicy = "SingleStack";
          s.sessionAffinity = "None";
          s.internalTrafficPolicy = "Cluster";
          return s;
        }), ServiceStatus.empty());
  }
}
