package io.kubenetsim.core.store.validation;

import static io.kubenetsim.core.store.validation.Errors.assertLines;
import static io.kubenetsim.core.store.validation.Errors.assertRules;
import static io.kubenetsim.core.store.validation.ServiceValidationTest.LABEL_REGEX;
import static io.kubenetsim.core.store.validation.ServiceValidationTest.NAME_PART;
import static io.kubenetsim.core.store.validation.ServiceValidationTest.PORT_RANGE;
import static io.kubenetsim.core.store.validation.ServiceValidationTest.SUBDOMAIN_REGEX;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointConditions;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.net.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** EndpointSlice rules: address type, endpoint and address counts and formats, ports. */
class EndpointSliceValidationTest {

  private static EndpointSlice slice(String addressType, List<Endpoint> endpoints,
      List<EndpointPort> ports) {
    EndpointSlice base = EndpointSlice.of("shop", "web-abc12", "web", endpoints, ports);
    return new EndpointSlice(base.metadata(), addressType, base.endpoints(), base.ports());
  }

  private static EndpointSlice ipv4(String... addresses) {
    List<Endpoint> endpoints = new ArrayList<>();
    for (String address : addresses) {
      endpoints.add(Endpoint.at(address));
    }
    return slice("IPv4", endpoints, List.of(EndpointPort.of("http", 8080, Protocol.TCP)));
  }

  @Test
  void aControllerWrittenSliceIsValid() {
    assertLines(EndpointSliceValidation.validateCreate(ipv4("10.244.1.5", "10.244.2.7")));
    assertLines(EndpointSliceValidation.validateCreate(slice("IPv6",
        List.of(Endpoint.at("fd00:10:244::5")), List.of(EndpointPort.of("", 80, Protocol.TCP)))));
  }

  @Test
  void theNameIsADns1123Subdomain() {
    EndpointSlice slice = ipv4("10.244.1.5");
    var errors = EndpointSliceValidation.validateCreate(
        slice.withMetadata(slice.metadata().withName("Web")));
    assertLines(errors, "metadata.name: Invalid value: \"Web\": " + SUBDOMAIN_REGEX);
  }

  @Test
  void addressTypeIsRequiredKnownAndImmutable() {
    assertLines(EndpointSliceValidation.validateCreate(slice("", List.of(), List.of())),
        "addressType: Required value");
    var deprecated = EndpointSliceValidation.validateCreate(slice("IP", List.of(), List.of()));
    assertLines(deprecated, "addressType: Unsupported value: \"IP\": supported values:"
        + " \"FQDN\", \"IPv4\", \"IPv6\"");
    assertRules(deprecated, "endpoint-slice.address-type.unsupported");
    EndpointSlice legacy = slice("IP", List.of(Endpoint.at("10.244.1.5")), List.of());
    assertLines(EndpointSliceValidation.validateUpdate(legacy, legacy));
    var changed = EndpointSliceValidation.validateUpdate(ipv4("10.244.1.5"),
        slice("IPv6", List.of(), List.of()));
    assertLines(changed, "addressType: Invalid value: \"IPv6\": field is immutable");
    assertRules(changed, "endpoint-slice.update.address-type-immutable");
  }

  @Test
  void endpointAndAddressCounts() {
    List<Endpoint> many = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      many.add(Endpoint.at("10.244.0.1"));
    }
    assertLines(EndpointSliceValidation.validateCreate(slice("IPv4", many, List.of())),
        "endpoints: Too many: 1001: must have at most 1000 items");
    Endpoint none = new Endpoint(ImmutableList.of(), EndpointConditions.unset(), "", "", "",
        Optional.empty());
    var empty = EndpointSliceValidation.validateCreate(slice("IPv4", List.of(none), List.of()));
    assertLines(empty, "endpoints[0].addresses: Required value: must contain at least 1 address");
    assertRules(empty, "endpoint-slice.endpoint.addresses.required");
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      addresses.add("10.244.0." + (i + 1));
    }
    Endpoint crowded = new Endpoint(ImmutableList.copyOf(addresses), EndpointConditions.unset(),
        "", "", "", Optional.empty());
    assertLines(EndpointSliceValidation.validateCreate(slice("IPv4", List.of(crowded), List.of())),
        "endpoints[0].addresses: Too many: 101: must have at most 100 items");
  }

  @Test
  void addressesMatchTheTypeAndAreNotSpecial() {
    var errors = EndpointSliceValidation.validateCreate(ipv4("fd00::5", "127.0.0.1", "bad"));
    assertLines(errors,
        "endpoints[0].addresses[0]: Invalid value: \"fd00::5\": must be a valid IPv4 address",
        "endpoints[1].addresses[0]: Invalid value: \"127.0.0.1\": may not be in the loopback"
            + " range (127.0.0.0/8, ::1/128)",
        "endpoints[2].addresses[0]: Invalid value: \"bad\": must be a valid IPv4 address");
    assertRules(errors, "endpoint-slice.endpoint.address.format",
        "endpoint-slice.endpoint.address.special", "endpoint-slice.endpoint.address.format");
    assertLines(EndpointSliceValidation.validateCreate(slice("IPv6",
            List.of(Endpoint.at("10.0.0.1")), List.of())),
        "endpoints[0].addresses[0]: Invalid value: \"10.0.0.1\": must be a valid IPv6 address");
  }

  @Test
  void fqdnAddresses() {
    var errors = EndpointSliceValidation.validateCreate(slice("FQDN", List.of(
        Endpoint.at("db.example.com."), Endpoint.at("db"), Endpoint.at("DB.example.com")),
        List.of()));
    assertLines(errors,
        "endpoints[1].addresses[0]: Invalid value: \"db\": should be a domain with at least two"
            + " segments separated by dots",
        "endpoints[2].addresses[0]: Invalid value: \"DB.example.com\": " + SUBDOMAIN_REGEX);
  }

  @Test
  void hostnameIsADns1123Label() {
    Endpoint named = new Endpoint(ImmutableList.of("10.244.1.5"), EndpointConditions.unset(),
        "web.0", "", "", Optional.empty());
    var errors = EndpointSliceValidation.validateCreate(slice("IPv4", List.of(named), List.of()));
    assertLines(errors, "endpoints[0].hostname: Invalid value: \"web.0\": must not contain dots");
    assertRules(errors, "endpoint-slice.endpoint.hostname.format");
  }

  @Test
  void portRules() {
    var errors = EndpointSliceValidation.validateCreate(slice("IPv4", List.of(), List.of(
        EndpointPort.of("", 80, Protocol.TCP),
        EndpointPort.of("", 81, Protocol.TCP),
        EndpointPort.of("Http", 0, Protocol.TCP),
        new EndpointPort("grpc", Optional.empty(), Protocol.TCP, "a b"))));
    assertLines(errors,
        "ports[1].name: Duplicate value: \"\"",
        "ports[2].name: Invalid value: \"Http\": " + LABEL_REGEX,
        "ports[2].port: Invalid value: 0: " + PORT_RANGE,
        "ports[3].appProtocol: Invalid value: \"a b\": " + NAME_PART);
    assertRules(errors, "endpoint-slice.port.name.duplicate", "endpoint-slice.port.name.format",
        "endpoint-slice.port.range", "endpoint-slice.port.app-protocol.format");
    List<EndpointPort> many = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      many.add(EndpointPort.of("p" + i, 1000 + i, Protocol.TCP));
    }
    assertLines(EndpointSliceValidation.validateCreate(slice("IPv4", List.of(), many)),
        "ports: Too many: 101: must have at most 100 items");
  }
}
