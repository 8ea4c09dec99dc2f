package io.kubenetsim.core.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.Cluster;
import io.kubenetsim.DeploymentHandle;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.core.ServiceInternals;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointAddress;
import io.kubenetsim.model.EndpointConditions;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.EndpointSubset;
import io.kubenetsim.model.Endpoints;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.OwnerReference;
import io.kubenetsim.model.Probe;
import io.kubenetsim.model.Service;
import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The EndpointSlice controller (and the legacy endpoints and mirroring controllers) under
 * churn: scaling a backend up past one slice and back down, the placeholder of a Service with
 * no endpoints, terminating endpoints, labels and ownership, per-pod named ports,
 * publishNotReadyAddresses, selectorless Services, garbage collection, the slice size flag and
 * dual-stack address types.
 */
class EndpointSliceChurnTest {
  private Cluster c;

  @BeforeEach
  void shop() {
    c = KubeSim.cluster().nodes(4).seed(42).build();
    c.createNamespace("shop");
  }

  private static Set<String> addresses(List<EndpointSlice> slices) {
    return slices.stream().flatMap(s -> s.endpoints().stream())
        .map(e -> e.addresses().get(0)).collect(Collectors.toCollection(TreeSet::new));
  }

  private Set<String> readyPodIps(String selector) {
    return c.pods("shop", selector).stream()
        .filter(p -> p.isReady() && !p.get().metadata().isTerminating())
        .map(p -> p.ip().orElseThrow()).collect(Collectors.toCollection(TreeSet::new));
  }

  private Endpoint endpointOf(ServiceHandle svc, String ip) {
    return svc.slices().stream().flatMap(s -> s.endpoints().stream())
        .filter(e -> e.addresses().contains(ip)).findFirst()
        .orElseThrow(() -> new AssertionError(ip + " is in no slice: " + svc.slices()));
  }

  @Test
  void slicesFollowABackendScaledFromZeroTo250AndBackTo3() {
    // 0: one placeholder; 250: three slices of at most 100 holding exactly the 250 ready pod
    // IPs once each; 3: the emptied slices are deleted and one slice of 3 remains.
    DeploymentHandle web = c.deployment("shop/web").replicas(0).label("app", "web")
        .containerPort("http", 8080).create();
    ServiceHandle svc = c.expose("shop/web").port(80).targetPort("http").create();
    c.settle();
    List<EndpointSlice> slices = svc.slices();
    assertEquals(1, slices.size(), "one placeholder: " + slices);
    assertTrue(slices.get(0).endpoints().isEmpty() && slices.get(0).ports().isEmpty(),
        slices.toString());

    web.scale(250);
    c.settle();
    slices = svc.slices();
    assertEquals(3, slices.size(), slices.stream().map(s -> s.endpoints().size()).toList()
        .toString());
    assertTrue(slices.stream().allMatch(s -> s.endpoints().size() <= 100));
    assertEquals(250, slices.stream().mapToInt(s -> s.endpoints().size()).sum(),
        "no endpoint listed twice");
    Set<String> ready = readyPodIps("app=web");
    assertEquals(250, ready.size(), ServiceInternals.context(c));
    assertEquals(ready, addresses(slices));
    assertTrue(slices.stream().allMatch(s -> s.ports().equals(List.of(
        EndpointPort.of("", 8080, Protocol.TCP)))), slices.get(0).ports().toString());
    assertEquals(250, svc.endpoints().size());

    web.scale(3);
    c.settle();
    slices = svc.slices();
    assertEquals(1, slices.size(), slices.toString());
    assertEquals(readyPodIps("app=web"), addresses(slices));
    assertEquals(3, slices.get(0).endpoints().size());
  }

  @Test
  void aDeletedPodIsTerminatingButServingDuringItsGracePeriodThenGone() {
    // Sampled on virtual time 5 s into the 30 s grace period: terminating=true, serving=true
    // (the pod is still Ready), ready=false, so endpoints() leaves it out; after settle it is
    // in no slice at all.
    c.deployment("shop/web").replicas(3).label("app", "web").containerPort("http", 8080)
        .create();
    ServiceHandle svc = c.expose("shop/web").port(80).targetPort("http").create();
    c.settle();
    PodHandle victim = c.pods("shop", "app=web").get(0);
    String ip = victim.ip().orElseThrow();
    victim.delete();
    c.runFor(Duration.ofSeconds(5));
    assertTrue(victim.exists() && victim.get().metadata().isTerminating());
    assertEquals(EndpointConditions.of(false, true, true), endpointOf(svc, ip).conditions());
    assertFalse(svc.endpoints().contains(HostPort.of(IpAddress.parse(ip), 8080)),
        svc.endpoints().toString());
    c.settle();
    assertFalse(addresses(svc.slices()).contains(ip), svc.slices().toString());
    assertEquals(readyPodIps("app=web"), addresses(svc.slices()));
  }

  @Test
  void managedSlicesAreLabelledAndOwnedByTheirService() {
    c.deployment("shop/web").replicas(2).label("app", "web").containerPort("http", 8080)
        .create();
    ServiceHandle svc = c.service("shop/web").label("team", "store").selector("app", "web")
        .port(80).create();
    c.settle();
    Service service = svc.get();
    for (EndpointSlice slice : svc.slices()) {
      Labels labels = slice.metadata().labels();
      assertEquals(Optional.of("web"), labels.get(EndpointSlice.SERVICE_NAME_LABEL));
      assertEquals(Optional.of("endpointslice-controller.k8s.io"),
          labels.get(EndpointSlice.MANAGED_BY_LABEL));
      assertEquals(Optional.of("store"), labels.get("team"), "the Service's labels are copied");
      OwnerReference owner = slice.metadata().controllerRef().orElseThrow();
      assertEquals("Service", owner.kind());
      assertEquals("web", owner.name());
      assertEquals(service.metadata().uid(), owner.uid());
      assertTrue(owner.controller());
      assertTrue(slice.metadata().name().startsWith("web-"), slice.metadata().name());
    }
  }

  @Test
  void aNamedTargetPortResolvingToDifferentNumbersGivesSeparateSlices() {
    // Pods of "a" name 8080 "http", pods of "b" name 9090 "http", pods of "c" have no "http":
    // three port lists, three slices; c's pods stay, in a slice without the port.
    c.deployment("shop/a").replicas(2).label("app", "web").label("v", "a")
        .containerPort("http", 8080).create();
    c.deployment("shop/b").replicas(2).label("app", "web").label("v", "b")
        .containerPort("http", 9090).create();
    c.deployment("shop/c").replicas(1).label("app", "web").label("v", "c")
        .containerPort("metrics", 9100).create();
    ServiceHandle svc = c.service("shop/web").selector("app", "web").port("http", 80, "http")
        .create();
    c.settle();
    List<EndpointSlice> slices = svc.slices();
    assertEquals(3, slices.size(), slices.toString());
    for (String v : List.of("a", "b", "c")) {
      Set<String> ips = readyPodIps("v=" + v);
      List<EndpointSlice> holding = slices.stream()
          .filter(s -> !java.util.Collections.disjoint(addresses(List.of(s)), ips)).toList();
      assertEquals(1, holding.size(), v + "'s pods should share one slice: " + slices);
      assertEquals(ips, addresses(holding));
      List<EndpointPort> expected = switch (v) {
        case "a" -> List.of(EndpointPort.of("http", 8080, Protocol.TCP));
        case "b" -> List.of(EndpointPort.of("http", 9090, Protocol.TCP));
        default -> List.of();
      };
      assertEquals(expected, holding.get(0).ports(), "ports of " + v + "'s slice");
    }
    // The legacy Endpoints leaves out pods with no resolvable port.
    Endpoints legacy = c.get(Endpoints.class, "shop", "web").orElseThrow();
    Set<String> legacyIps = legacy.subsets().stream().flatMap(s -> s.addresses().stream())
        .map(EndpointAddress::ip).collect(Collectors.toCollection(TreeSet::new));
    Set<String> withPort = new TreeSet<>(readyPodIps("v=a"));
    withPort.addAll(readyPodIps("v=b"));
    assertEquals(withPort, legacyIps);
  }

  @Test
  void publishNotReadyAddressesMarksNotReadyPodsReady() {
    // Pods whose readiness probe passes only after 10 minutes, sampled at +30 s: the plain
    // Service has them ready=false; the publishing one ready=true (serving still false).
    c.deployment("shop/slow").replicas(2).label("app", "slow").containerPort("http", 8080)
        .readinessProbe(Probe.defaults().withInitialDelaySeconds(600)).create();
    ServiceHandle plain = c.service("shop/plain").selector("app", "slow").port(80).create();
    ServiceHandle publishing = c.service("shop/publishing").selector("app", "slow").port(80)
        .publishNotReadyAddresses(true).create();
    c.runFor(Duration.ofSeconds(30));
    List<String> ips = c.pods("shop", "app=slow").stream().map(p -> p.ip().orElseThrow())
        .sorted().toList();
    assertEquals(2, ips.size());
    assertTrue(c.pods("shop", "app=slow").stream().noneMatch(PodHandle::isReady));
    for (String ip : ips) {
      assertEquals(EndpointConditions.of(false, false, false), endpointOf(plain, ip)
          .conditions());
      assertEquals(EndpointConditions.of(true, false, false), endpointOf(publishing, ip)
          .conditions());
    }
    assertTrue(plain.endpoints().isEmpty(), plain.endpoints().toString());
    assertEquals(ips.stream().map(ip -> HostPort.of(IpAddress.parse(ip), 80)).toList(),
        publishing.endpoints());
  }

  @Test
  void legacyEndpointsSplitReadyAndNotReadyAndOmitTerminating() {
    // At +10 s: three ready web pods (one a fresh replacement), one not-ready "slow" pod, and
    // one web pod terminating in its 30 s grace period, which the Endpoints leaves out.
    c.deployment("shop/web").replicas(3).label("app", "web").containerPort("http", 8080)
        .create();
    c.pod("shop/slow").label("app", "web").containerPort("http", 8080)
        .readinessProbe(Probe.defaults().withInitialDelaySeconds(600)).create();
    c.service("shop/web").selector("app", "web").port("http", 80, "http").create();
    c.runFor(Duration.ofSeconds(10));
    PodHandle victim = c.pods("shop", "app=web").stream().filter(PodHandle::isReady)
        .findFirst().orElseThrow();
    String victimIp = victim.ip().orElseThrow();
    victim.delete();
    c.runFor(Duration.ofSeconds(10));

    Endpoints legacy = c.get(Endpoints.class, "shop", "web").orElseThrow();
    assertEquals(1, legacy.subsets().size(), legacy.toString());
    EndpointSubset subset = legacy.subsets().get(0);
    Set<String> ready = subset.addresses().stream().map(EndpointAddress::ip)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> notReady = subset.notReadyAddresses().stream().map(EndpointAddress::ip)
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(readyPodIps("app=web"), ready, ServiceInternals.context(c));
    assertEquals(3, ready.size());
    assertEquals(Set.of(c.getPod("shop/slow").ip().orElseThrow()), notReady);
    assertFalse(ready.contains(victimIp) || notReady.contains(victimIp), "terminating omitted");
    assertEquals(List.of(EndpointPort.of("http", 8080, Protocol.TCP)), subset.ports());
  }

  @Test
  void aServiceWithoutSelectorGetsNoManagedSlicesButMirrorsHandWrittenEndpoints() {
    ServiceHandle ext = c.service("shop/ext").port(80).create();
    ServiceHandle skipped = c.service("shop/skipped").port(80).create();
    c.settle();
    assertTrue(ext.slices().isEmpty(), ext.slices().toString());

    EndpointSubset subset = EndpointSubset.of(List.of(EndpointAddress.of("192.0.2.10"),
        EndpointAddress.of("192.0.2.11")), List.of(EndpointPort.of("", 8080, Protocol.TCP)));
    c.apply(Endpoints.of("shop", "ext", List.of(subset)));
    Endpoints skip = Endpoints.of("shop", "skipped", List.of(subset));
    c.apply(skip.withMetadata(skip.metadata().withLabels(
        Labels.of("endpointslice.kubernetes.io/skip-mirror", "true"))));
    c.settle();

    List<EndpointSlice> mirrored = ext.slices();
    assertEquals(1, mirrored.size(), mirrored.toString());
    assertEquals(Optional.of("endpointslicemirroring-controller.k8s.io"),
        mirrored.get(0).metadata().labels().get(EndpointSlice.MANAGED_BY_LABEL));
    assertEquals(List.of(HostPort.parse("192.0.2.10:8080"), HostPort.parse("192.0.2.11:8080")),
        ext.endpoints());
    assertTrue(skipped.slices().isEmpty(), "skip-mirror=true: " + skipped.slices());
  }

  @Test
  void deletingTheServiceGarbageCollectsItsSlicesAndEndpoints() {
    c.deployment("shop/web").replicas(3).label("app", "web").containerPort("http", 8080)
        .create();
    ServiceHandle svc = c.expose("shop/web").port(80).targetPort("http").create();
    c.settle();
    assertFalse(svc.slices().isEmpty());
    svc.delete();
    c.settle();
    assertTrue(c.list(EndpointSlice.class).stream()
        .noneMatch(s -> s.metadata().namespace().equals("shop")), ServiceInternals.context(c));
    assertTrue(c.get(Endpoints.class, "shop", "web").isEmpty());
  }

  @Test
  void maxEndpointsPerSlicePacks25PodsInto3Slices() {
    c = KubeSim.cluster().nodes(3).seed(42).maxEndpointsPerSlice(10).build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(25).label("app", "web").containerPort("http", 8080)
        .create();
    ServiceHandle svc = c.expose("shop/web").port(80).targetPort("http").create();
    c.settle();
    List<EndpointSlice> slices = svc.slices();
    assertEquals(3, slices.size(), slices.toString());
    assertTrue(slices.stream().allMatch(s -> s.endpoints().size() <= 10));
    assertEquals(readyPodIps("app=web"), addresses(slices));
    assertEquals(25, slices.stream().mapToInt(s -> s.endpoints().size()).sum());
  }

  @Test
  void aDualStackServiceGetsSlicesPerAddressTypeEvenWithoutPodsOfOneFamily() {
    // Upstream reconciles each address type of spec.ipFamilies on its own, and a pod is an
    // endpoint of a type only with an IP of that family: with IPv4-only pods the IPv4 slice
    // lists them and the IPv6 type keeps an empty placeholder, and the cluster settles.
    c = KubeSim.cluster().nodes(2).seed(42)
        .serviceClusterIpRange("10.96.0.0/12", "fd00:10:96::/112").build();
    c.createNamespace("shop");
    c.deployment("shop/web").replicas(2).label("app", "web").containerPort("http", 8080)
        .create();
    c.applyYaml("""
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: shop
        spec:
          ipFamilyPolicy: RequireDualStack
          selector:
            app: web
          ports:
          - port: 80
            targetPort: http
        """);
    c.settle();
    ServiceHandle svc = c.getService("shop/web");
    List<EndpointSlice> slices = svc.slices();
    assertEquals(List.of("IPv4", "IPv6"), slices.stream().map(EndpointSlice::addressType)
        .sorted().toList(), slices.toString());
    EndpointSlice v4 = slices.stream().filter(s -> s.addressType().equals("IPv4")).findFirst()
        .orElseThrow();
    EndpointSlice v6 = slices.stream().filter(s -> s.addressType().equals("IPv6")).findFirst()
        .orElseThrow();
    assertEquals(readyPodIps("app=web"), addresses(List.of(v4)));
    assertTrue(v6.endpoints().isEmpty() && v6.ports().isEmpty(), v6.toString());
  }
}
