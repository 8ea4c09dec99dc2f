package io.kubenetsim.core.store.validation;

import static io.kubenetsim.core.store.validation.Errors.assertLines;
import static io.kubenetsim.core.store.validation.Errors.assertRules;
import static io.kubenetsim.core.store.validation.ServiceValidationTest.BAD_IP;
import static io.kubenetsim.core.store.validation.ServiceValidationTest.PORT_RANGE;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.EndpointAddress;
import io.kubenetsim.model.EndpointPort;
import io.kubenetsim.model.EndpointSubset;
import io.kubenetsim.model.Endpoints;
import io.kubenetsim.net.Protocol;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Legacy Endpoints rules: subsets need addresses, addresses are usable IPs, ports are named. */
class EndpointsValidationTest {

  private static Endpoints endpoints(EndpointSubset... subsets) {
    return Endpoints.of("shop", "web", List.of(subsets));
  }

  @Test
  void aHandWrittenEndpointsObjectIsValid() {
    assertLines(EndpointsValidation.validateCreate(endpoints(EndpointSubset.of(
        List.of(EndpointAddress.of("192.0.2.10")),
        List.of(EndpointPort.of("http", 80, Protocol.TCP), EndpointPort.of("https", 443,
            Protocol.TCP))))));
    assertLines(EndpointsValidation.validateCreate(endpoints()));
  }

  @Test
  void aSubsetNeedsAddresses() {
    var errors = EndpointsValidation.validateCreate(endpoints(
        EndpointSubset.of(List.of(), List.of(EndpointPort.of("", 80, Protocol.TCP)))));
    assertLines(errors,
        "subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`");
    assertRules(errors, "endpoints.subset.addresses.required");
  }

  @Test
  void addressesAreValidAndNotSpecial() {
    // A non-IP gets two errors, as upstream: the format check and ValidateNonSpecialIP's own.
    var errors = EndpointsValidation.validateCreate(endpoints(new EndpointSubset(
        ImmutableList.of(EndpointAddress.of("10.0.0.300"),
            new EndpointAddress("192.0.2.10", "web.0", "Node_1", Optional.empty())),
        ImmutableList.of(EndpointAddress.of("169.254.169.254")),
        ImmutableList.of(EndpointPort.of("", 80, Protocol.TCP)))));
    assertLines(errors,
        "subsets[0].addresses[0].ip: Invalid value: \"10.0.0.300\": " + BAD_IP,
        "subsets[0].addresses[0].ip: Invalid value: \"10.0.0.300\": must be a valid IP address",
        "subsets[0].addresses[1].hostname: Invalid value: \"web.0\": must not contain dots",
        "subsets[0].addresses[1].nodeName: Invalid value: \"Node_1\": "
            + ServiceValidationTest.SUBDOMAIN_REGEX,
        "subsets[0].notReadyAddresses[0].ip: Invalid value: \"169.254.169.254\": may not be in"
            + " the link-local range (169.254.0.0/16, fe80::/10)");
    assertRules(errors, "endpoints.address.ip.format", "endpoints.address.ip.special",
        "endpoints.address.hostname.format", "endpoints.address.node-name.format",
        "endpoints.address.ip.special");
  }

  @Test
  void portsAreNamedWhenSeveralAndInRange() {
    var errors = EndpointsValidation.validateCreate(endpoints(EndpointSubset.of(
        List.of(EndpointAddress.of("192.0.2.10")),
        List.of(EndpointPort.of("", 80, Protocol.TCP), EndpointPort.of("b", 0, Protocol.TCP)))));
    assertLines(errors,
        "subsets[0].ports[0].name: Required value",
        "subsets[0].ports[1].port: Invalid value: 0: " + PORT_RANGE);
    assertRules(errors, "endpoints.port.name.required", "endpoints.port.range");
  }

  @Test
  void anUpdateKeepsTheName() {
    Endpoints stored = endpoints();
    assertLines(EndpointsValidation.validateUpdate(stored,
            stored.withMetadata(stored.metadata().withName("api"))),
        "metadata.name: Invalid value: \"api\": field is immutable");
  }
}
