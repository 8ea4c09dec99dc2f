package io.kubenetsim.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubenetsim.ApiException;
import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.LoadBalancerIngress;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.ServiceSpec;
import io.kubenetsim.model.ServiceStatus;
import io.kubenetsim.net.Protocol;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading {@code v1} Services: each fixture document is compared with the whole expected
 * record, so any field read wrongly, defaulted by mistake or dropped fails the test; decode
 * errors are compared as whole lines in kubectl's words.
 */
class ServiceManifestReaderTest {
  private static final Path SERVICES = Path.of("src/test/resources/manifests/services.yaml");
  private static final String SERVICE = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n"
      + "  namespace: shop\n";
  private static final String PREFIX = "error decoding Service \"shop/web\" from \"f.yaml\" "
      + "(document 1): ";
  private static final String CANNOT_HANDLE =
      PREFIX + "Service in version \"v1\" cannot be handled as a Service: ";

  private final ManifestReader reader = new ManifestReader();
  private final List<ManifestDocument> docs = reader.read(SERVICES);

  @Test
  void multiPortServiceKeepsNamedTargetPortsAndLeavesEveryDefaultToTheApiServer() {
    // The first port's targetPort is a name; the second has none, decoded as 0 for
    // ServiceDefaults to set to the port; type, clusterIP and policies stay "" (unset).
    Service expected = new Service(
        ObjectMeta.named("shop", "web").withLabels(Labels.of("app", "web"))
            .withAnnotations(Map.of("team", "storefront")),
        ServiceSpec.of(Map.of("app", "web", "tier", "frontend"), List.of(
                new ServicePort("http", Protocol.TCP, "http", 80, IntOrString.of("http"), 0),
                new ServicePort("metrics", Protocol.TCP, "", 9090, IntOrString.of(0), 0),
                new ServicePort("dns", Protocol.UDP, "", 53, IntOrString.of(5353), 0)))
            .with(b -> {
              b.sessionAffinity = "ClientIP";
              b.sessionAffinityTimeoutSeconds = Optional.of(600);
              b.publishNotReadyAddresses = true;
              b.internalTrafficPolicy = "Local";
              b.trafficDistribution = "PreferClose";
              return b;
            }),
        ServiceStatus.empty());
    assertEquals(expected, docs.get(0).object());
  }

  @Test
  void absentTargetPortIsTheIntegerZeroThatDefaultingReplaces() {
    Service web = (Service) docs.get(0).object();
    IntOrString target = web.spec().ports().get(1).targetPort();
    assertEquals(IntOrString.of(0), target, "absent targetPort");
    assertEquals(ServiceDecoder.UNSET_TARGET_PORT, target);
  }

  @Test
  void nodePortServiceKeepsItsNodePortAndTypeDependentFields() {
    Service expected = new Service(ObjectMeta.named("shop", "web-nodeport"),
        ServiceSpec.of(Map.of("app", "web"),
                List.of(new ServicePort("", Protocol.TCP, "", 80, IntOrString.of(8080), 30080)))
            .with(b -> {
              b.type = "NodePort";
              b.externalTrafficPolicy = "Local";
              b.externalIPs = List.of("198.51.100.7");
              return b;
            }),
        ServiceStatus.empty());
    assertEquals(expected, docs.get(1).object());
  }

  @Test
  void externalNameServiceHasNoPortsNoSelectorAndNoClusterIp() {
    Service expected = new Service(ObjectMeta.named("shop", "db-external"),
        ServiceSpec.of(Map.of(), List.of()).with(b -> {
          b.type = "ExternalName";
          b.externalName = "db.example.com";
          return b;
        }),
        ServiceStatus.empty());
    assertEquals(expected, docs.get(2).object());
  }

  @Test
  void headlessServiceKeepsClusterIpNone() {
    Service headless = (Service) docs.get(3).object();
    assertEquals(new Service(ObjectMeta.named("shop", "web-headless"),
        ServiceSpec.of(Map.of("app", "web"),
                List.of(ServicePort.of("http", 80, IntOrString.of(8080))))
            .with(b -> {
              b.clusterIP = "None";
              return b;
            }),
        ServiceStatus.empty()), headless);
    assertEquals(true, headless.spec().isHeadless(), "clusterIP None means headless");
  }

  @Test
  void loadBalancerFromKubectlGetKeepsEveryFieldAndTheStatusIngress() {
    // Server metadata and status.conditions are dropped; the ingress (with ipMode, minus its
    // ports) is kept, as a cloud controller would have written it.
    Service expected = new Service(ObjectMeta.named("shop", "web-lb"),
        ServiceSpec.of(Map.of("app", "web"),
                List.of(new ServicePort("https", Protocol.TCP, "", 443, IntOrString.of(8443),
                    31443)))
            .with(b -> {
              b.type = "LoadBalancer";
              b.allocateLoadBalancerNodePorts = Optional.of(false);
              b.clusterIP = "10.96.0.42";
              b.clusterIPs = List.of("10.96.0.42", "fd00:10:96::2a");
              b.externalTrafficPolicy = "Local";
              b.healthCheckNodePort = 31999;
              b.internalTrafficPolicy = "Cluster";
              b.ipFamilies = List.of("IPv4", "IPv6");
              b.ipFamilyPolicy = "PreferDualStack";
              b.loadBalancerClass = "example.com/lb";
              b.loadBalancerIP = "203.0.113.10";
              b.loadBalancerSourceRanges = List.of("203.0.113.0/24");
              b.sessionAffinity = "None";
              return b;
            }),
        ServiceStatus.of(List.of(new LoadBalancerIngress("203.0.113.10", "", "VIP"),
            new LoadBalancerIngress("", "web.lb.example.com", ""))));
    assertEquals(expected, docs.get(4).object());
  }

  @Test
  void explicitZerosAndEmptyConfigsStayDistinctFromAbsentOnes() {
    // allocateLoadBalancerNodePorts: false must not read as unset, and an empty clientIP
    // config carries no timeout.
    String text = SERVICE + "spec:\n  type: LoadBalancer\n  allocateLoadBalancerNodePorts: true\n"
        + "  sessionAffinityConfig: {clientIP: {}}\n  ports: [{port: 80, targetPort: \"\"}]\n";
    Service service = (Service) reader.read(text, "f.yaml").get(0).object();
    assertEquals(Optional.of(true), service.spec().allocateLoadBalancerNodePorts());
    assertEquals(Optional.empty(), service.spec().sessionAffinityTimeoutSeconds());
    assertEquals(IntOrString.of(""), service.spec().ports().get(0).targetPort(),
        "an empty string is kept; defaulting treats it like an absent targetPort");
  }

  static List<Arguments> errors() {
    return List.of(
        Arguments.of("unknown spec field",
            SERVICE + "spec:\n  portz: 80\n",
            CANNOT_HANDLE + "strict decoding error: unknown field \"spec.portz\""),
        Arguments.of("field names are case-sensitive",
            SERVICE + "spec:\n  ClusterIP: None\n",
            CANNOT_HANDLE + "strict decoding error: unknown field \"spec.ClusterIP\""),
        Arguments.of("unknown port field, with its index",
            SERVICE + "spec:\n  ports:\n  - port: 80\n  - port: 81\n    targetport: 8081\n",
            CANNOT_HANDLE + "strict decoding error: unknown field \"spec.ports[1].targetport\""),
        Arguments.of("unknown status field",
            SERVICE + "status:\n  loadBalancer:\n    ingress:\n    - ipp: 1.2.3.4\n",
            CANNOT_HANDLE + "strict decoding error: unknown field "
                + "\"status.loadBalancer.ingress[0].ipp\""),
        Arguments.of("boolean targetPort, reported by IntOrString's own decoder",
            SERVICE + "spec:\n  ports:\n  - port: 80\n    targetPort: true\n",
            CANNOT_HANDLE + "json: cannot unmarshal bool into Go value of type int32"),
        Arguments.of("fractional targetPort",
            SERVICE + "spec:\n  ports:\n  - port: 80\n    targetPort: 80.5\n",
            CANNOT_HANDLE + "json: cannot unmarshal number 80.5 into Go value of type int32"),
        Arguments.of("string port",
            SERVICE + "spec:\n  ports:\n  - port: \"80\"\n",
            CANNOT_HANDLE + "json: cannot unmarshal string into Go struct field "
                + "ServicePort.spec.ports.port of type int32"),
        Arguments.of("ports as a map",
            SERVICE + "spec:\n  ports: {http: 80}\n",
            CANNOT_HANDLE + "json: cannot unmarshal object into Go struct field "
                + "ServiceSpec.spec.ports of type []v1.ServicePort"),
        Arguments.of("numeric selector value",
            SERVICE + "spec:\n  selector: {version: 2}\n",
            CANNOT_HANDLE + "json: cannot unmarshal number into Go struct field "
                + "ServiceSpec.spec.selector of type string"),
        Arguments.of("string boolean",
            SERVICE + "spec:\n  publishNotReadyAddresses: \"yes\"\n",
            CANNOT_HANDLE + "json: cannot unmarshal string into Go struct field "
                + "ServiceSpec.spec.publishNotReadyAddresses of type bool"),
        Arguments.of("string timeout deep in sessionAffinityConfig",
            SERVICE + "spec:\n  sessionAffinityConfig: {clientIP: {timeoutSeconds: \"60\"}}\n",
            CANNOT_HANDLE + "json: cannot unmarshal string into Go struct field "
                + "ClientIPConfig.spec.sessionAffinityConfig.clientIP.timeoutSeconds of type "
                + "int32"),
        Arguments.of("unsupported protocol",
            SERVICE + "spec:\n  ports:\n  - port: 80\n  - port: 81\n    protocol: HTTP\n",
            PREFIX + "spec.ports[1].protocol: Unsupported value: \"HTTP\": supported values: "
                + "\"SCTP\", \"TCP\", \"UDP\""),
        Arguments.of("lower-case protocol",
            SERVICE + "spec:\n  ports:\n  - {port: 53, protocol: udp}\n",
            PREFIX + "spec.ports[0].protocol: Unsupported value: \"udp\": supported values: "
                + "\"SCTP\", \"TCP\", \"UDP\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void badServicesAreReportedAsKubeApiserverWordsThem(String name, String text,
      String expected) {
    ManifestDecodeException e =
        assertThrows(ManifestDecodeException.class, () -> reader.read(text, "f.yaml"));
    assertEquals(expected, e.getMessage());
    assertEquals(ApiException.Reason.BAD_REQUEST, e.reason());
  }

  @Test
  void everyProblemOfOneServiceIsReportedTypeErrorsFirstThenStrictThenFieldErrors() {
    String text = SERVICE + "spec:\n  portz: 1\n  ports:\n  - port: \"80\"\n    protocol: HTTP\n"
        + "    targetPort: true\n";
    ManifestDecodeException e =
        assertThrows(ManifestDecodeException.class, () -> reader.read(text, "f.yaml"));
    assertEquals(List.of(
            CANNOT_HANDLE + "json: cannot unmarshal string into Go struct field "
                + "ServicePort.spec.ports.port of type int32",
            CANNOT_HANDLE + "json: cannot unmarshal bool into Go value of type int32",
            CANNOT_HANDLE + "strict decoding error: unknown field \"spec.portz\"",
            PREFIX + "spec.ports[0].protocol: Unsupported value: \"HTTP\": supported values: "
                + "\"SCTP\", \"TCP\", \"UDP\""),
        List.of(e.getMessage().split("\n")));
  }

  @Test
  void deploymentIntOrStringFieldsReportBadTypesTheSameWay() {
    // The IntOrString decoding is shared, so maxSurge fails with targetPort's words.
    String text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n"
        + "  strategy: {rollingUpdate: {maxSurge: [1]}}\n";
    ManifestDecodeException e =
        assertThrows(ManifestDecodeException.class, () -> reader.read(text, "d.yaml"));
    assertEquals("error decoding Deployment \"web\" from \"d.yaml\" (document 1): Deployment in "
        + "version \"v1\" cannot be handled as a Deployment: json: cannot unmarshal array into "
        + "Go value of type int32", e.getMessage());
  }
}
