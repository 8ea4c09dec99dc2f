package io.kubenetsim.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointAddress;
import io.kubenetsim.model.EndpointConditions;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.EndpointSubset;
import io.kubenetsim.model.Endpoints;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.OwnerReference;
import io.kubenetsim.model.ServiceCIDR;
import io.kubenetsim.model.TargetRef;
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
 * Reading EndpointSlices, legacy Endpoints and ServiceCIDRs: each fixture is compared with the
 * whole expected record (so a condition read as false instead of unset, or a dropped targetRef,
 * fails), and decode errors are compared as whole lines in kubectl's words.
 */
class EndpointManifestReaderTest {
  private static final Path MANIFESTS = Path.of("src/test/resources/manifests");
  private static final String SLICE = "apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\n"
      + "metadata: {name: s, namespace: shop}\naddressType: IPv4\n";
  private static final String SLICE_ERROR = "error decoding EndpointSlice \"shop/s\" from "
      + "\"f.yaml\" (document 1): ";
  private static final String SLICE_CANNOT_HANDLE = SLICE_ERROR + "EndpointSlice in version "
      + "\"v1\" cannot be handled as a EndpointSlice: ";
  private static final String ENDPOINTS = "apiVersion: v1\nkind: Endpoints\n"
      + "metadata: {name: e, namespace: shop}\n";
  private static final String ENDPOINTS_ERROR = "error decoding Endpoints \"shop/e\" from "
      + "\"f.yaml\" (document 1): ";
  private static final String ENDPOINTS_CANNOT_HANDLE = ENDPOINTS_ERROR + "Endpoints in version "
      + "\"v1\" cannot be handled as a Endpoints: ";
  private static final String CIDR = "apiVersion: networking.k8s.io/v1\nkind: ServiceCIDR\n"
      + "metadata: {name: c}\n";
  private static final String CIDR_CANNOT_HANDLE = "error decoding ServiceCIDR \"c\" from "
      + "\"f.yaml\" (document 1): ServiceCIDR in version \"v1\" cannot be handled as a "
      + "ServiceCIDR: ";
  private static final String SUPPORTED = "supported values: \"SCTP\", \"TCP\", \"UDP\"";

  private final ManifestReader reader = new ManifestReader();

  @Test
  void handWrittenSliceLeavesUnsetConditionsUnsetAndDefaultsPortProtocolAndName() {
    // No conditions block means all three unset (not false); a port without name or protocol
    // gets "" and TCP.
    List<ManifestDocument> docs = reader.read(MANIFESTS.resolve("endpointslices.yaml"));
    EndpointSlice expected = new EndpointSlice(
        ObjectMeta.named("shop", "legacy-db-1")
            .withLabels(Labels.of(EndpointSlice.SERVICE_NAME_LABEL, "legacy-db")),
        "IPv4",
        ImmutableList.of(Endpoint.at("192.0.2.10"),
            new Endpoint(ImmutableList.of("192.0.2.11"),
                new EndpointConditions(Optional.of(false), Optional.empty(), Optional.empty()),
                "", "", "", Optional.empty())),
        ImmutableList.of(new EndpointPort("", Optional.of(5432), Protocol.TCP, "postgresql")));
    assertEquals(expected, docs.get(0).object());
  }

  @Test
  void controllerWrittenSliceKeepsConditionsTargetRefsNodesAndZonesAndDropsHints() {
    List<ManifestDocument> docs = reader.read(MANIFESTS.resolve("endpointslices.yaml"));
    ObjectMeta meta = ObjectMeta.named("shop", "web-x7k2p").withGenerateName("web-")
        .withLabels(Labels.of(Map.of(EndpointSlice.SERVICE_NAME_LABEL, "web",
            EndpointSlice.MANAGED_BY_LABEL, EndpointSlice.CONTROLLER_NAME)))
        .withOwnerReferences(List.of(new OwnerReference("v1", "Service", "web",
            "6a0e2b1c-0000-4000-8000-000000000041", true)));
    EndpointSlice expected = new EndpointSlice(meta, "IPv4",
        ImmutableList.of(
            new Endpoint(ImmutableList.of("10.244.1.5"), EndpointConditions.of(true, true, false),
                "", "node-1", "zone-a", Optional.of(new TargetRef("Pod", "shop", "web-0",
                    "3f6c1a2b-0000-4000-8000-000000000001"))),
            new Endpoint(ImmutableList.of("10.244.2.7"), EndpointConditions.of(false, true, true),
                "web-1", "node-2", "", Optional.of(new TargetRef("Pod", "shop", "web-1",
                    "3f6c1a2b-0000-4000-8000-000000000002")))),
        ImmutableList.of(EndpointPort.of("http", 8080, Protocol.TCP),
            EndpointPort.of("dns", 53, Protocol.UDP)));
    assertEquals(expected, docs.get(1).object());
  }

  @Test
  void sliceWithoutPortNumberMeansAllPortsNotPortZero() {
    EndpointSlice slice = (EndpointSlice) reader.read(SLICE + "ports: [{name: any}]\n",
        "f.yaml").get(0).object();
    assertEquals(new EndpointPort("any", Optional.empty(), Protocol.TCP, ""),
        slice.ports().get(0));
  }

  @Test
  void endpointsSubsetsKeepReadyAndNotReadyAddressesAndPorts() {
    List<ManifestDocument> docs = reader.read(MANIFESTS.resolve("endpoints.yaml"));
    Endpoints expected = Endpoints.of("shop", "legacy-db", List.of(
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
    assertEquals(expected, docs.get(0).object());
  }

  @Test
  void endpointsPortWithoutNumberIsZeroForValidationToReject() {
    Endpoints endpoints = (Endpoints) reader.read(ENDPOINTS
        + "subsets: [{addresses: [{ip: 192.0.2.1}], ports: [{name: p}]}]\n", "f.yaml")
        .get(0).object();
    assertEquals(Optional.of(0), endpoints.subsets().get(0).ports().get(0).port());
  }

  @Test
  void serviceCidrIsClusterScopedAndDropsStatus() {
    List<ManifestDocument> docs = reader.read(MANIFESTS.resolve("servicecidr.yaml"));
    ServiceCIDR expected = new ServiceCIDR(
        ObjectMeta.named("extra").withLabels(Labels.of("purpose", "overflow")),
        ImmutableList.of("10.97.0.0/16", "fd00:10:97::/112"));
    assertEquals(expected, docs.get(0).object(), "namespace dropped, cidrs kept in order");
  }

  static List<Arguments> errors() {
    return List.of(
        Arguments.of("slice: unknown field in conditions",
            SLICE + "endpoints:\n- addresses: [10.0.0.1]\n  conditions: {readyy: true}\n",
            SLICE_CANNOT_HANDLE + "strict decoding error: unknown field "
                + "\"endpoints[0].conditions.readyy\""),
        Arguments.of("slice: string condition",
            SLICE + "endpoints:\n- addresses: [10.0.0.1]\n  conditions: {ready: \"yes\"}\n",
            SLICE_CANNOT_HANDLE + "json: cannot unmarshal string into Go struct field "
                + "EndpointConditions.endpoints.conditions.ready of type bool"),
        Arguments.of("slice: addresses as a string",
            SLICE + "endpoints:\n- addresses: 10.0.0.1\n",
            SLICE_CANNOT_HANDLE + "json: cannot unmarshal string into Go struct field "
                + "Endpoint.endpoints.addresses of type []string"),
        Arguments.of("slice: unknown targetRef field",
            SLICE + "endpoints:\n- addresses: [10.0.0.1]\n  targetRef: {kind: Pod, nme: a}\n",
            SLICE_CANNOT_HANDLE + "strict decoding error: unknown field "
                + "\"endpoints[0].targetRef.nme\""),
        Arguments.of("slice: string port",
            SLICE + "ports: [{port: \"80\"}]\n",
            SLICE_CANNOT_HANDLE + "json: cannot unmarshal string into Go struct field "
                + "EndpointPort.ports.port of type int32"),
        Arguments.of("slice: unsupported protocol",
            SLICE + "ports: [{port: 80, protocol: HTTP}]\n",
            SLICE_ERROR + "ports[0].protocol: Unsupported value: \"HTTP\": " + SUPPORTED),
        Arguments.of("endpoints: unknown address field",
            ENDPOINTS + "subsets:\n- addresses:\n  - {ip: 10.0.0.1, node: n}\n",
            ENDPOINTS_CANNOT_HANDLE + "strict decoding error: unknown field "
                + "\"subsets[0].addresses[0].node\""),
        Arguments.of("endpoints: numeric ip",
            ENDPOINTS + "subsets:\n- notReadyAddresses:\n  - {ip: 10}\n",
            ENDPOINTS_CANNOT_HANDLE + "json: cannot unmarshal number into Go struct field "
                + "EndpointAddress.subsets.notReadyAddresses.ip of type string"),
        Arguments.of("endpoints: unsupported protocol",
            ENDPOINTS + "subsets:\n- addresses: [{ip: 10.0.0.1}]\n  ports: [{port: 80, "
                + "protocol: ICMP}]\n",
            ENDPOINTS_ERROR + "subsets[0].ports[0].protocol: Unsupported value: \"ICMP\": "
                + SUPPORTED),
        Arguments.of("servicecidr: unknown spec field",
            CIDR + "spec: {cidr: 10.96.0.0/12}\n",
            CIDR_CANNOT_HANDLE + "strict decoding error: unknown field \"spec.cidr\""),
        Arguments.of("servicecidr: cidrs as a string",
            CIDR + "spec: {cidrs: 10.96.0.0/12}\n",
            CIDR_CANNOT_HANDLE + "json: cannot unmarshal string into Go struct field "
                + "ServiceCIDRSpec.spec.cidrs of type []string"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void badObjectsAreReportedAsKubeApiserverWordsThem(String name, String text, String expected) {
    ManifestDecodeException e =
        assertThrows(ManifestDecodeException.class, () -> reader.read(text, "f.yaml"));
    assertEquals(expected, e.getMessage());
  }
}
