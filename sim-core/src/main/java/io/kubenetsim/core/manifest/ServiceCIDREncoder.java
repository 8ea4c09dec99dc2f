package io.kubenetsim.core.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubenetsim.model.ServiceCIDR;

/**
 * Writes a ServiceCIDR's {@code spec.cidrs}, and {@code status: {}}: both are structs upstream,
 * always written, and the model keeps no status conditions.
 */
final class ServiceCIDREncoder implements KindEncoder<ServiceCIDR> {

  @Override
  public Class<ServiceCIDR> type() {
    return ServiceCIDR.class;
  }

  @Override
  public boolean namespaced() {
    return false;
  }

  @Override
  public void encode(ServiceCIDR serviceCidr, ObjectNode out) {
    TreeOut.putStrings(out.putObject("spec"), "cidrs", serviceCidr.cidrs());
    out.putObject("status");
  }
}
