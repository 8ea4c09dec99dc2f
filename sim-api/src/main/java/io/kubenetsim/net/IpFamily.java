package io.kubenetsim.net;

/** An IP address family, named as Kubernetes names it in {@code spec.ipFamilies}. */
public enum IpFamily {
  IPV4("IPv4", 32),
  IPV6("IPv6", 128);

  private final String kubernetesName;
  private final int bits;

  IpFamily(String kubernetesName, int bits) {
    this.kubernetesName = kubernetesName;
    this.bits = bits;
  }

  /** {@return the width of an address in bits} */
  public int bits() {
    return bits;
  }

  /** {@return the name used in the Kubernetes API, {@code IPv4} or {@code IPv6}} */
  public String kubernetesName() {
    return kubernetesName;
  }

  @Override
  public String toString() {
    return kubernetesName;
  }
}
