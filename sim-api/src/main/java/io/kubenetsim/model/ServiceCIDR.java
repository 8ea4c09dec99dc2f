package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A ServiceCIDR ({@code networking.k8s.io/v1}, cluster-scoped): a range ClusterIPs are
 * allocated from, one CIDR per IP family. The default one is named {@code kubernetes} and holds
 * kube-apiserver's {@code --service-cluster-ip-range}.
 */
public record ServiceCIDR(ObjectMeta metadata, ImmutableList<String> cidrs)
    implements KubernetesObject {

  public static final String KIND = "ServiceCIDR";

  public ServiceCIDR {
    checkArgument(metadata != null, "metadata must not be null");
    cidrs = ImmutableList.copyOf(cidrs);
  }

  /** {@return a ServiceCIDR with these ranges} */
  public static ServiceCIDR of(String name, List<String> cidrs) {
    return new ServiceCIDR(ObjectMeta.named(name), ImmutableList.copyOf(cidrs));
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String apiVersion() {
    return "networking.k8s.io/v1";
  }

  @Override
  public ServiceCIDR withMetadata(ObjectMeta newMetadata) {
    return new ServiceCIDR(newMetadata, cidrs);
  }

  @Override
  public String toString() {
    return "ServiceCIDR " + metadata.name() + " " + cidrs;
  }
}
