package io.kubenetsim.core.store.validation;

import static io.kubenetsim.core.store.validation.Errors.assertLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubenetsim.model.Container;
import io.kubenetsim.model.Endpoint;
import io.kubenetsim.model.EndpointSlice;
import io.kubenetsim.model.EndpointSubset;
import io.kubenetsim.model.Endpoints;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.Node;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServiceCIDR;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.net.Cidr;
import io.kubenetsim.net.IpFamily;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The entry point routes each kind to its rules and refuses kinds it has no rules for. */
class ObjectValidatorTest {

  private final ObjectValidator validator = new ObjectValidator();

  @Test
  void eachKnownKindReachesItsOwnRules() {
    assertLines(validator.validateCreate(Namespace.of("shop.eu")),
        "metadata.name: Invalid value: \"shop.eu\": must not contain dots");
    assertLines(validator.validateCreate(Pod.of("shop", "web-0", Labels.none())),
        "spec.containers: Required value");
    assertLines(validator.validateCreate(Node.of("node-1", "10.0.0.300")),
        "status.addresses[0].address: Invalid value: \"10.0.0.300\": must be a valid IP"
            + " address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
    assertLines(validator.validateCreate(DeploymentValidationTest.deployment()));
  }

  @Test
  void updatesReachTheKindsUpdateRules() {
    Pod pod = Pod.of("shop", "web-0", Labels.none(), Container.of("web", "nginx", List.of()));
    assertEquals(PodValidation.validateUpdate(pod, pod.withMetadata(pod.metadata()
            .withName("web-1"))),
        validator.validateUpdate(pod, pod.withMetadata(pod.metadata().withName("web-1"))));
  }

  @Test
  void serviceKindsReachTheirRules() {
    // The Service reaches ServiceValidation as given: the validator does not default it, so an
    // unset type is reported as upstream reports a Service that skipped defaulting.
    Service raw = Service.of("shop", "web", Map.of("app", "web"), ServicePort.of(80));
    assertEquals(Services.SINGLE_STACK.validateCreate(raw), validator.validateCreate(raw));
    assertTrue(Errors.lines(validator.validateCreate(raw)).contains("spec.type: Required value"));
    Service defaulted = Services.allocated(ServiceDefaults.apply(raw));
    assertLines(validator.validateCreate(defaulted));
    assertLines(validator.validateUpdate(defaulted, defaulted));
    assertLines(validator.validateCreate(EndpointSlice.of("shop", "web-1", "web",
        List.of(Endpoint.at("127.0.0.1")), List.of())),
        "endpoints[0].addresses[0]: Invalid value: \"127.0.0.1\": may not be in the loopback"
            + " range (127.0.0.0/8, ::1/128)");
    assertLines(validator.validateCreate(Endpoints.of("shop", "web",
        List.of(EndpointSubset.of(List.of(), List.of())))),
        "subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`");
    assertLines(validator.validateUpdate(ServiceCIDR.of("kubernetes", List.of("10.96.0.0/12")),
        ServiceCIDR.of("kubernetes", List.of("10.96.0.0/16"))),
        "spec.cidrs: Invalid value: [\"10.96.0.0/16\"]: field is immutable");
  }

  @Test
  void theServiceCidrsSetTheClusterFamilies() {
    assertEquals(List.of(IpFamily.IPV4), new ObjectValidator().serviceIpFamilies());
    ObjectValidator ipv6 = new ObjectValidator(List.of(Cidr.parse("fd00:10:96::/112")));
    assertEquals(List.of(IpFamily.IPV6), ipv6.serviceIpFamilies());
    Service v4 = Services.created(b -> b);
    assertLines(ipv6.validateCreate(ServiceDefaults.apply(Services.manifest(b -> {
      b.ipFamilies = List.of("IPv4");
      return b;
    }), ipv6.serviceIpFamilies())),
        "spec.ipFamilies[0]: Invalid value: \"IPv4\": not configured on this cluster");
    assertEquals(List.of(), new ObjectValidator().validateCreate(v4));
    assertThrows(IllegalArgumentException.class, () -> new ObjectValidator(
        List.of(Cidr.parse("10.96.0.0/12"), Cidr.parse("10.100.0.0/16"))));
    assertThrows(IllegalArgumentException.class, () -> new ObjectValidator(List.of()));
  }

  @Test
  void anUnknownKindIsRefusedWithAMessageNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> validator.validateCreate(new Unknown()));
    assertTrue(e.getMessage().contains("no validation rules for kind Widget"), e.getMessage());
  }

  @Test
  void anUpdateMayNotChangeTheKind() {
    assertThrows(IllegalArgumentException.class,
        () -> validator.validateUpdate(Namespace.of("shop"), Node.of("shop", "10.0.0.1")));
  }

  /** A kind the validator has never heard of. */
  private static final class Unknown implements KubernetesObject {
    @Override
    public ObjectMeta metadata() {
      return ObjectMeta.named("shop", "w");
    }

    @Override
    public String kind() {
      return "Widget";
    }

    @Override
    public String apiVersion() {
      return "example.com/v1";
    }

    @Override
    public KubernetesObject withMetadata(ObjectMeta metadata) {
      return this;
    }
  }
}
