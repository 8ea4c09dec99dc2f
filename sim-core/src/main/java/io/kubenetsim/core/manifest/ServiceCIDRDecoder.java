package io.kubenetsim.core.manifest;

import io.kubenetsim.model.ServiceCIDR;

/**
 * Decodes a cluster-scoped {@code networking.k8s.io/v1} ServiceCIDR: metadata and {@code
 * spec.cidrs}, kept as written for validation to check. {@code status} (the {@code Ready}
 * condition the ServiceCIDR controller writes) is accepted and dropped.
 */
final class ServiceCIDRDecoder implements KindDecoder<ServiceCIDR> {

  @Override
  public String apiVersion() {
    return "networking.k8s.io/v1";
  }

  @Override
  public String kind() {
    return ServiceCIDR.KIND;
  }

  @Override
  public boolean namespaced() {
    return false;
  }

  @Override
  public ServiceCIDR decode(ObjectCursor root) {
    root.ignore("status");
    return new ServiceCIDR(
        ObjectMetaDecoder.decode(root.object("metadata", "v1.ObjectMeta"), false),
        root.object("spec", "v1.ServiceCIDRSpec").strings("cidrs"));
  }
}
