package io.kubenetsim.core.store.validation;

import static io.kubenetsim.core.store.validation.Errors.assertLines;
import static io.kubenetsim.core.store.validation.Errors.assertRules;
import static io.kubenetsim.core.store.validation.ServiceValidationTest.SUBDOMAIN_REGEX;
import static io.kubenetsim.core.store.validation.ServiceValidationTest.set;
import static io.kubenetsim.core.store.validation.Services.DUAL_STACK;
import static io.kubenetsim.core.store.validation.Services.SINGLE_STACK;
import static io.kubenetsim.core.store.validation.Services.created;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServiceSpec;
import io.kubenetsim.net.IpFamily;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * clusterIP/clusterIPs/ipFamilies/ipFamilyPolicy rules, ExternalName rules, and the five kinds
 * of valid Service. Family errors come from the registry's stage and, as upstream, are the
 * only errors reported when they occur.
 */
class ServiceIpFamilyValidationTest {

  @Test
  void everyKindOfServiceIsValidOnceDefaultedAndAllocated() {
    // ClusterIP, NodePort, LoadBalancer (Cluster and Local), ExternalName, headless with and
    // without selector: no errors on either cluster.
    List<Service> services = List.of(
        created(b -> b),
        created(b -> set(b, () -> b.type = "NodePort")),
        created(b -> set(b, () -> b.type = "LoadBalancer")),
        created(b -> set(b, () -> {
          b.type = "LoadBalancer";
          b.externalTrafficPolicy = "Local";
          b.loadBalancerClass = "example.com/lb";
          b.loadBalancerSourceRanges = List.of("203.0.113.0/24");
        })),
        created(b -> set(b, () -> {
          b.type = "ExternalName";
          b.externalName = "db.example.com.";
          b.selector = Map.of();
        })),
        created(b -> set(b, () -> b.clusterIP = "None")),
        created(b -> set(b, () -> {
          b.clusterIP = "None";
          b.selector = Map.of();
        })),
        created(b -> set(b, () -> b.externalIPs = List.of("203.0.113.7"))));
    for (Service service : services) {
      assertEquals(List.of(), Errors.lines(SINGLE_STACK.validateCreate(service)),
          service.toString());
    }
  }

  @Test
  void aMalformedClusterIpIsReportedAtClusterIpsZeroAndAlone() {
    var errors = SINGLE_STACK.validateCreate(Services.defaulted(b -> set(b, () -> {
      b.clusterIP = "10.96.0.300";
      b.ports = List.of(); // would be Required too, but the family stage speaks first
    })));
    assertLines(errors, "spec.clusterIPs[0]: Invalid value: \"10.96.0.300\": must be a valid IP"
        + " address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
    assertRules(errors, "service.cluster-ips.format");
  }

  @Test
  void clusterIpsShapeRules() {
    assertOnly(b -> set(b, () -> {
      b.clusterIP = "None";
      b.clusterIPs = List.of("None", "10.96.0.5");
    }), "spec.clusterIPs: Invalid value: [\"None\",\"10.96.0.5\"]: 'None' must be the first and"
        + " only value", "service.cluster-ips.none-not-alone");
    assertOnly(b -> set(b, () -> {
      b.clusterIP = "10.96.0.5";
      b.clusterIPs = List.of("10.96.0.6");
    }), "spec.clusterIPs: Invalid value: [\"10.96.0.6\"]: first value must match `clusterIP`",
        "service.cluster-ips.primary-mismatch");
    assertOnly(b -> set(b, () -> b.clusterIPs = List.of("10.96.0.6")),
        "spec.clusterIPs: Invalid value: [\"10.96.0.6\"]: must be empty when `clusterIP` is not"
            + " specified", "service.cluster-ips.must-be-empty");
    assertOnly(b -> set(b, () -> {
      b.clusterIP = "10.96.0.5";
      b.clusterIPs = List.of("10.96.0.5", "10.96.0.6");
    }), "spec.clusterIPs: Invalid value: [\"10.96.0.5\",\"10.96.0.6\"]: may specify no more"
        + " than one IP for each IP family", "service.cluster-ips.dual-stack");
    assertOnly(b -> set(b, () -> {
      b.clusterIP = "10.96.0.5";
      b.clusterIPs = List.of("10.96.0.5", "fd00::5", "10.96.0.6");
    }), "spec.clusterIPs: Invalid value: [\"10.96.0.5\",\"fd00::5\",\"10.96.0.6\"]: may only"
        + " hold up to 2 values", "service.cluster-ips.too-many");
    assertOnly(b -> set(b, () -> {
      b.clusterIP = "10.96.0.5";
      b.ipFamilies = List.of("IPv6");
    }), "spec.clusterIPs[0]: Invalid value: \"10.96.0.5\": expected an IPv6 value as indicated"
        + " by `ipFamilies[0]`", "service.cluster-ips.family-mismatch");
  }

  @Test
  void ipFamiliesAndPolicyValues() {
    assertOnly(b -> set(b, () -> b.ipFamilies = List.of("IPv5")),
        "spec.ipFamilies[0]: Unsupported value: \"IPv5\": supported values: \"IPv4\", \"IPv6\"",
        "service.ip-families.unsupported");
    assertOnly(b -> set(b, () -> {
      b.ipFamilies = List.of("IPv4", "IPv4");
      b.ipFamilyPolicy = "PreferDualStack";
    }), "spec.ipFamilies[1]: Duplicate value: \"IPv4\"", "service.ip-families.duplicate");
    assertOnly(b -> set(b, () -> b.ipFamilyPolicy = "Dual"),
        "spec.ipFamilyPolicy: Unsupported value: \"Dual\": supported values: \"PreferDualStack\","
            + " \"RequireDualStack\", \"SingleStack\"", "service.ip-family-policy.unsupported");
    assertOnly(b -> set(b, () -> {
      b.ipFamilyPolicy = "SingleStack";
      b.ipFamilies = List.of("IPv4", "IPv6");
    }), "spec.ipFamilyPolicy: Invalid value: \"SingleStack\": must be 'RequireDualStack' or"
        + " 'PreferDualStack' when multiple IP families are specified",
        "service.ip-family-policy.single-stack-families");
  }

  @Test
  void familiesTheClusterLacksAreRefused() {
    assertOnly(b -> set(b, () -> b.ipFamilies = List.of("IPv6")),
        "spec.ipFamilies[0]: Invalid value: \"IPv6\": not configured on this cluster",
        "service.ip-families.not-configured");
    assertOnly(b -> set(b, () -> b.clusterIP = "fd00::5"),
        "spec.clusterIPs[0]: Invalid value: [\"fd00::5\"]: IPv6 is not configured on this"
            + " cluster", "service.cluster-ips.family-not-configured");
    assertOnly(b -> set(b, () -> b.ipFamilyPolicy = "RequireDualStack"),
        "spec.ipFamilyPolicy: Invalid value: \"RequireDualStack\": this cluster is not"
            + " configured for dual-stack services",
        "service.ip-family-policy.dual-stack-unavailable");
  }

  @Test
  void dualStackPoliciesWorkOnADualStackCluster() {
    Service service = ServiceDefaults.apply(Services.manifest(b -> set(b, () ->
        b.ipFamilyPolicy = "RequireDualStack")), DUAL_STACK.ipFamilies());
    assertEquals(List.of("IPv4", "IPv6"), service.spec().ipFamilies());
    Service allocated = service.withSpec(service.spec().with(b -> set(b, () -> {
      b.clusterIP = "10.96.100.1";
      b.clusterIPs = List.of("10.96.100.1", "fd00:10:96::1");
    })));
    assertLines(DUAL_STACK.validateCreate(allocated));
    assertEquals(List.of(IpFamily.IPV4, IpFamily.IPV6), DUAL_STACK.ipFamilies());
  }

  @Test
  void externalNameRules() {
    var errors = SINGLE_STACK.validateCreate(created(b -> set(b, () -> {
      b.type = "ExternalName";
      b.externalName = "";
      b.clusterIP = "10.96.0.5";
      b.ipFamilies = List.of("IPv4");
      b.ipFamilyPolicy = "SingleStack";
    })));
    assertLines(errors,
        "spec.clusterIPs: Forbidden: may not be set for ExternalName services",
        "spec.ipFamilies: Forbidden: may not be set for ExternalName services",
        "spec.ipFamilyPolicy: Forbidden: may not be set for ExternalName services",
        "spec.externalName: Required value");
    assertRules(errors, "service.external-name.cluster-ips-forbidden",
        "service.external-name.ip-families-forbidden",
        "service.external-name.ip-family-policy-forbidden", "service.external-name.required");
    var badName = SINGLE_STACK.validateCreate(created(b -> set(b, () -> {
      b.type = "ExternalName";
      b.externalName = "DB.example.com.";
    })));
    assertLines(badName, "spec.externalName: Invalid value: \"DB.example.com\": "
        + SUBDOMAIN_REGEX);
    assertRules(badName, "service.external-name.format");
    // Digits are a valid subdomain: DNS treats 1.2.3.4 as a name here.
    assertLines(SINGLE_STACK.validateCreate(created(b -> set(b, () -> {
      b.type = "ExternalName";
      b.externalName = "1.2.3.4";
    }))));
  }

  @Test
  void headlessServicesNeedNoPorts() {
    assertLines(SINGLE_STACK.validateCreate(created(b -> set(b, () -> {
      b.clusterIP = "None";
      b.ports = List.of();
    }))));
    assertLines(SINGLE_STACK.validateCreate(created(b -> set(b, () -> {
      b.type = "ExternalName";
      b.externalName = "db.example.com";
      b.ports = List.of();
    }))));
  }

  /**
   * Asserts the family stage refuses the defaulted manifest with exactly this error, before
   * any allocation, and that create validation reports it alone.
   */
  private static void assertOnly(UnaryOperator<ServiceSpec.Builder> change, String line,
      String rule) {
    Service defaulted = Services.defaulted(change);
    var errors = SINGLE_STACK.validateIpFamilies(defaulted);
    assertLines(errors, line);
    assertRules(errors, rule);
    assertEquals(errors, SINGLE_STACK.validateCreate(defaulted));
  }
}
