package io.kubenetsim.core.manifest;

import static io.kubenetsim.core.manifest.ManifestAssertions.assertGolden;
import static io.kubenetsim.core.manifest.ManifestAssertions.assertRoundTrips;
import static io.kubenetsim.core.manifest.ManifestAssertions.objects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointAddress;
import io.kubenetsim.model.EndpointConditions;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.EndpointSubset;
import io.kubenetsim.model.Endpoints;
import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.LoadBalancerIngress;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.OwnerReference;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServiceCIDR;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.ServiceSpec;
import io.kubenetsim.model.ServiceStatus;
import io.kubenetsim.model.TargetRef;
import io.kubenetsim.net.Protocol;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Writing Services, EndpointSlices, Endpoints and ServiceCIDRs as kubectl prints them: golden
 * YAML for one object of the first three kinds (checked against upstream's {@code omitempty}
 * rules by hand), the JSON shape of the fields whose presence rules are subtle, and
 * read-after-write round trips for every kind. Run with {@code -Dgolden.update=true} to rewrite
 * the golden files, then review the diff.
 */
class ServiceManifestWriterTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:05Z");

  private final ManifestWriter writer = new ManifestWriter();
  private final ManifestReader reader = new ManifestReader();

  @Test
  void defaultedLoadBalancerServiceMatchesGoldenYaml() throws IOException {
    assertGolden("service.yaml", writer.toYaml(defaultedLoadBalancer()));
  }

  @Test
  void controllerWrittenEndpointSliceMatchesGoldenYaml() throws IOException {
    assertGolden("endpointslice.yaml", writer.toYaml(controllerSlice()));
  }

  @Test
  void endpointsMatchesGoldenYaml() throws IOException {
    assertGolden("endpoints.yaml", writer.toYaml(endpoints()));
  }

  @Test
  void serviceWithoutIngressPrintsAnEmptyLoadBalancerStatus() {
    ObjectNode tree = writer.toTree(Service.of("shop", "web", Map.of("app", "web"),
        ServicePort.of(80)));
    assertEquals("{\"loadBalancer\":{}}", tree.get("status").toString());
    assertEquals("{\"ports\":[{\"port\":80,\"protocol\":\"TCP\",\"targetPort\":80}],"
        + "\"selector\":{\"app\":\"web\"}}", tree.get("spec").toString(),
        "unset spec fields are omitted, port/protocol/targetPort are not");
  }

  @Test
  void sessionAffinityConfigAndAllocateFlagAreWrittenOnlyWhenSet() {
    ServiceSpec base = ServiceSpec.of(Map.of(), List.of());
    ObjectNode unset = writer.toTree(service(base));
    assertFalse(unset.get("spec").has("sessionAffinityConfig"), unset.toString());
    assertFalse(unset.get("spec").has("allocateLoadBalancerNodePorts"), unset.toString());
    ObjectNode set = writer.toTree(service(base.with(b -> {
      b.sessionAffinityTimeoutSeconds = Optional.of(60);
      b.allocateLoadBalancerNodePorts = Optional.of(false);
      return b;
    })));
    assertEquals(60, set.at("/spec/sessionAffinityConfig/clientIP/timeoutSeconds").intValue());
    assertTrue(set.at("/spec/allocateLoadBalancerNodePorts").isBoolean(), set.toString());
    assertFalse(set.at("/spec/allocateLoadBalancerNodePorts").booleanValue(),
        "false is written, as for a *bool in Go");
  }

  @Test
  void undefaultedTargetPortIsWrittenAsZeroAndReadBackAsZero() {
    ServicePort port = new ServicePort("", Protocol.TCP, "", 80, IntOrString.of(0), 0);
    Service service = service(ServiceSpec.of(Map.of("app", "web"), List.of(port)));
    assertEquals(0, writer.toTree(service).at("/spec/ports/0/targetPort").intValue());
    assertEquals(service, reader.read(writer.toYaml(service), "s.yaml").get(0).object());
  }

  @Test
  void emptyEndpointSliceListsAreNullAsForTheControllersPlaceholder() {
    EndpointSlice placeholder = EndpointSlice.of("shop", "web-abcde", "web", List.of(),
        List.of());
    ObjectNode tree = writer.toTree(placeholder);
    assertTrue(tree.get("endpoints").isNull(), tree.toString());
    assertTrue(tree.get("ports").isNull(), tree.toString());
    assertEquals(placeholder, reader.read(writer.toYaml(placeholder), "p.yaml").get(0).object());
  }

  @Test
  void unsetEndpointConditionsPrintAnEmptyObject() {
    EndpointSlice slice = EndpointSlice.of("shop", "s", "web", List.of(Endpoint.at("10.0.0.1")),
        List.of(new EndpointPort("", Optional.empty(), Protocol.UDP, "")));
    ObjectNode tree = writer.toTree(slice);
    assertEquals("{\"addresses\":[\"10.0.0.1\"],\"conditions\":{}}",
        tree.get("endpoints").get(0).toString());
    assertEquals("{\"name\":\"\",\"protocol\":\"UDP\"}", tree.get("ports").get(0).toString(),
        "no port number means all ports; the name is always written");
  }

  @Test
  void serviceCidrPrintsSpecCidrsAndAnEmptyStatusWithoutNamespace() {
    ServiceCIDR cidr = ServiceCIDR.of("kubernetes", List.of("10.96.0.0/12"));
    assertEquals("apiVersion: networking.k8s.io/v1\nkind: ServiceCIDR\nmetadata:\n"
        + "  name: kubernetes\nspec:\n  cidrs:\n  - 10.96.0.0/12\nstatus: {}\n",
        writer.toYaml(cidr));
  }

  @Test
  void everyServiceKindRoundTripsThroughYamlAndJson() {
    // Server metadata is dropped on reading; everything else, a Service's status included,
    // comes back equal.
    List<KubernetesObject> objects = List.of(defaultedLoadBalancer(), richClusterIpService(),
        externalName(), controllerSlice(), handWrittenSlice(), endpoints(),
        ServiceCIDR.of("extra", List.of("10.97.0.0/16", "fd00:10:97::/112")));
    List<KubernetesObject> expected = objects.stream()
        .map(o -> o.withMetadata(withoutServerFields(o.metadata())))
        .collect(ImmutableList.toImmutableList());
    assertRoundTrips(writer, reader, objects, expected);
  }

  @Test
  void kubectlGetOutputOfTheFixturesIsStableUnderReadWriteRead() {
    // Reading the hand-written fixtures, writing them and reading again changes nothing.
    Path manifests = Path.of("src/test/resources/manifests");
    List<KubernetesObject> first = objects(reader.read(manifests.resolve("services.yaml"),
        manifests.resolve("endpointslices.yaml"), manifests.resolve("endpoints.yaml"),
        manifests.resolve("servicecidr.yaml")));
    assertEquals(9, first.size(), "5 services, 2 slices, 1 endpoints, 1 service CIDR");
    assertEquals(first, objects(reader.read(writer.toYaml(first), "again.yaml")));
  }

  static Service defaultedLoadBalancer() {
    ObjectMeta meta = ObjectMeta.named("shop", "web").withLabels(Labels.of("app", "web"))
        .withServerFields("6a0e2b1c-0000-4000-8000-000000000041", 21, 0, Optional.of(T0));
    ServiceSpec spec = ServiceSpec.of(Map.of("app", "web"), List.of(
            new ServicePort("http", Protocol.TCP, "", 80, IntOrString.of("http"), 30080),
            new ServicePort("metrics", Protocol.TCP, "", 9090, IntOrString.of(9090), 30090)))
        .with(b -> {
          b.type = "LoadBalancer";
          b.allocateLoadBalancerNodePorts = Optional.of(true);
          b.clusterIP = "10.96.0.10";
          b.clusterIPs = List.of("10.96.0.10");
          b.externalTrafficPolicy = "Cluster";
          b.internalTrafficPolicy = "Cluster";
          b.ipFamilies = List.of("IPv4");
          b.ipFamilyPolicy = "SingleStack";
          b.sessionAffinity = "ClientIP";
          b.sessionAffinityTimeoutSeconds = Optional.of(10800);
          return b;
        });
    return new Service(meta, spec,
        ServiceStatus.of(List.of(LoadBalancerIngress.ip("203.0.113.10"))));
  }

  private static Service richClusterIpService() {
    ServiceSpec spec = ServiceSpec.of(Map.of("app", "web", "tier", "fe"), List.of(
            new ServicePort("grpc", Protocol.TCP, "kubernetes.io/h2c", 9000,
                IntOrString.of("grpc"), 0),
            new ServicePort("dns", Protocol.UDP, "", 53, IntOrString.of(0), 0)))
        .with(b -> {
          b.clusterIP = "None";
          b.publishNotReadyAddresses = true;
          b.externalIPs = List.of("198.51.100.7");
          b.loadBalancerSourceRanges = List.of("203.0.113.0/24");
          b.loadBalancerClass = "example.com/lb";
          b.loadBalancerIP = "203.0.113.9";
          b.healthCheckNodePort = 31999;
          b.trafficDistribution = "PreferClose";
          return b;
        });
    return new Service(ObjectMeta.named("shop", "grpc").withAnnotations(Map.of("a", "b")), spec,
        ServiceStatus.of(List.of(new LoadBalancerIngress("", "lb.example.com", ""),
            new LoadBalancerIngress("203.0.113.9", "", "Proxy"))));
  }

  private static Service externalName() {
    return new Service(ObjectMeta.named("shop", "db"),
        ServiceSpec.of(Map.of(), List.of()).with(b -> {
          b.type = "ExternalName";
          b.externalName = "db.example.com";
          return b;
        }), ServiceStatus.empty());
  }

  static EndpointSlice controllerSlice() {
    ObjectMeta meta = ObjectMeta.named("shop", "web-x7k2p").withGenerateName("web-")
        .withLabels(Labels.of(Map.of(EndpointSlice.SERVICE_NAME_LABEL, "web",
            EndpointSlice.MANAGED_BY_LABEL, EndpointSlice.CONTROLLER_NAME)))
        .withOwnerReferences(List.of(new OwnerReference("v1", "Service", "web",
            "6a0e2b1c-0000-4000-8000-000000000041", true)))
        .withServerFields("6a0e2b1c-0000-4000-8000-000000000051", 30, 0, Optional.of(T0));
    return new EndpointSlice(meta, "IPv4",
        ImmutableList.of(
            new Endpoint(ImmutableList.of("10.244.1.5"), EndpointConditions.of(true, true, false),
                "", "node-1", "", Optional.of(new TargetRef("Pod", "shop", "web-0",
                    "3f6c1a2b-0000-4000-8000-000000000001"))),
            new Endpoint(ImmutableList.of("10.244.2.7"), EndpointConditions.of(false, false, true),
                "", "node-2", "", Optional.of(new TargetRef("Pod", "shop", "web-1",
                    "3f6c1a2b-0000-4000-8000-000000000002")))),
        ImmutableList.of(EndpointPort.of("http", 8080, Protocol.TCP),
            EndpointPort.of("", 9090, Protocol.TCP)));
  }

  private static EndpointSlice handWrittenSlice() {
    return new EndpointSlice(
        ObjectMeta.named("shop", "legacy-db-1")
            .withLabels(Labels.of(EndpointSlice.SERVICE_NAME_LABEL, "legacy-db")),
        "IPv6",
        ImmutableList.of(Endpoint.at("fd00::10"),
            new Endpoint(ImmutableList.of("fd00::11", "fd00::12"),
                new EndpointConditions(Optional.empty(), Optional.of(true), Optional.empty()),
                "db-1", "", "zone-b", Optional.empty())),
        ImmutableList.of(new EndpointPort("pg", Optional.of(5432), Protocol.SCTP, "postgresql"),
            new EndpointPort("any", Optional.empty(), Protocol.TCP, "")));
  }

  static Endpoints endpoints() {
    Endpoints endpoints = Endpoints.of("shop", "legacy-db", List.of(
        new EndpointSubset(
            ImmutableList.of(
                new EndpointAddress("192.0.2.10", "db-0", "node-1", Optional.of(new TargetRef(
                    "Pod", "shop", "db-0", "3f6c1a2b-0000-4000-8000-000000000010"))),
                EndpointAddress.of("192.0.2.11")),
            ImmutableList.of(EndpointAddress.of("192.0.2.12")),
            ImmutableList.of(new EndpointPort("postgres", Optional.of(5432), Protocol.TCP,
                    "postgresql"),
                EndpointPort.of("metrics", 9187, Protocol.TCP))),
        EndpointSubset.of(List.of(EndpointAddress.of("192.0.2.20")),
            List.of(EndpointPort.of("", 53, Protocol.UDP)))));
    return endpoints.withMetadata(endpoints.metadata()
        .withServerFields("6a0e2b1c-0000-4000-8000-000000000061", 40, 0, Optional.of(T0)));
  }

  private static Service service(ServiceSpec spec) {
    return new Service(ObjectMeta.named("shop", "web"), spec, ServiceStatus.empty());
  }

  private static ObjectMeta withoutServerFields(ObjectMeta meta) {
    return meta.withServerFields("", 0, 0, Optional.empty());
  }
}
