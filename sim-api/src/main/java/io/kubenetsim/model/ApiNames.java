package io.kubenetsim.model;

import java.util.Optional;

/**
 * The one lookup behind the API enums' {@code tryParse} ({@link ServiceType}, {@link
 * TrafficPolicy}, {@link DnsPolicy}, {@link PodManagementPolicy}): each constant prints as its
 * API name, and a name matches exactly (case-sensitive, as the API is).
 */
final class ApiNames {

  private ApiNames() {}

  /** {@return the constant whose API name ({@code toString()}) is {@code name}} */
  static <E extends Enum<E>> Optional<E> find(E[] constants, String name) {
    for (E constant : constants) {
      if (constant.toString().equals(name)) {
        return Optional.of(constant);
      }
    }
    return Optional.empty();
  }
}
