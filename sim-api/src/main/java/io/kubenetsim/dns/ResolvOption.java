package io.kubenetsim.dns;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Optional;

/**
 * One {@code options} entry of resolv.conf, such as {@code ndots:5} or {@code edns0}; the same
 * shape as a pod's {@code spec.dnsConfig.options[i]} ({@code name}, optional {@code value}).
 */
public record ResolvOption(String name, Optional<String> value) {

  public ResolvOption {
    checkArgument(name != null && !name.isEmpty(), "an option needs a name");
    checkArgument(value != null, "value must not be null (use Optional.empty())");
  }

  /** {@return an option with a value, {@code name:value}} */
  public static ResolvOption of(String name, String value) {
    return new ResolvOption(name, Optional.of(value));
  }

  /** {@return a flag option, {@code name}} */
  public static ResolvOption flag(String name) {
    return new ResolvOption(name, Optional.empty());
  }

  @Override
  public String toString() {
    return value.map(v -> name + ":" + v).orElse(name);
  }
}
