package io.kubenetsim.core.store.validation;

import static io.kubenetsim.core.store.validation.Errors.assertLines;
import static io.kubenetsim.core.store.validation.Errors.assertRules;
import static io.kubenetsim.core.store.validation.ServiceValidationTest.BAD_CIDR;

import io.kubenetsim.model.ServiceCIDR;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ServiceCIDR rules: one or two CIDRs, one per family, cluster-scoped, immutable. */
class ServiceCIDRValidationTest {

  private static ServiceCIDR cidr(String... cidrs) {
    return ServiceCIDR.of("kubernetes", List.of(cidrs));
  }

  @Test
  void singleAndDualStackRangesAreValid() {
    assertLines(ServiceCIDRValidation.validateCreate(cidr("10.96.0.0/12")));
    assertLines(ServiceCIDRValidation.validateCreate(cidr("10.96.0.0/12", "fd00:10:96::/112")));
  }

  @Test
  void cidrCountAndFamilies() {
    var none = ServiceCIDRValidation.validateCreate(cidr());
    assertLines(none, "spec.cidrs: Required value: at least one CIDR required");
    assertRules(none, "service-cidr.cidrs.required");
    assertLines(ServiceCIDRValidation.validateCreate(
            cidr("10.0.0.0/24", "10.1.0.0/24", "10.2.0.0/24")),
        "spec.cidrs: Invalid value: {\"CIDRs\":[\"10.0.0.0/24\",\"10.1.0.0/24\","
            + "\"10.2.0.0/24\"]}: may only hold up to 2 values");
    var sameFamily = ServiceCIDRValidation.validateCreate(cidr("10.0.0.0/24", "10.1.0.0/24"));
    assertLines(sameFamily, "spec.cidrs: Invalid value: {\"CIDRs\":[\"10.0.0.0/24\","
        + "\"10.1.0.0/24\"]}: may specify no more than one IP for each IP family, i.e"
        + " 192.168.0.0/24 and 2001:db8::/64");
    assertRules(sameFamily, "service-cidr.cidrs.dual-stack");
  }

  @Test
  void eachCidrIsACidr() {
    var errors = ServiceCIDRValidation.validateCreate(cidr("10.96.0.0/33"));
    assertLines(errors, "spec.cidrs[0]: Invalid value: \"10.96.0.0/33\": " + BAD_CIDR);
    assertRules(errors, "service-cidr.cidrs.format");
  }

  @Test
  void aServiceCidrIsClusterScopedWithASubdomainName() {
    ServiceCIDR named = cidr("10.96.0.0/12");
    assertLines(ServiceCIDRValidation.validateCreate(
            named.withMetadata(named.metadata().withNamespace("default"))),
        "metadata.namespace: Forbidden: not allowed on this type");
  }

  @Test
  void theRangesAreImmutable() {
    var errors = ServiceCIDRValidation.validateUpdate(cidr("10.96.0.0/12"), cidr("10.97.0.0/16"));
    assertLines(errors, "spec.cidrs: Invalid value: [\"10.97.0.0/16\"]: field is immutable");
    assertRules(errors, "service-cidr.update.cidrs-immutable");
    assertLines(ServiceCIDRValidation.validateUpdate(cidr("10.96.0.0/12"), cidr("10.96.0.0/12")));
  }
}
