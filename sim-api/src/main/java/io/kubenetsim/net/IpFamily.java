package io.kubenetsim.net;

import java.util.Optional;

/**
 * An IP address family, named as Kubernetes names it in {@code spec.ipFamilies}.
 *
 * <pre>{@code
 * IpFamily.named("IPv6");                      // Optional[IPv6]
 * IpAddress.parse("fd00::1").family().bits();  // 128
 * }</pre>
 */
public enum IpFamily {
  IPV4("IPv4", 32),
  IPV6("IPv6", 128);

  private final String kubernetesName;
  private final int bits;

  IpFamily(String kubernetesName, int bits) {
    this.kubernetesName = kubernetesName;
    this.bits = bits;
  }

  /** {@return the family Kubernetes calls {@code name} ({@code IPv4}, {@code IPv6}), if any} */
  public static Optional<IpFamily> named(String name) {
    for (IpFamily family : values()) {
      if (family.kubernetesName.equals(name)) {
        return Optional.of(family);
      }
    }
    return Optional.empty();
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
