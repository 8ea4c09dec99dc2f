package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import io.kubenetsim.dns.ResolvOption;
import java.util.Optional;

/**
 * One {@code Pod.spec.dnsConfig.options[i]}: a resolver option the kubelet merges into the
 * pod's resolv.conf ({@code ndots:2}, {@code edns0}). The same shape as {@link ResolvOption},
 * except that the name may be empty here: a manifest can say {@code - name: ""}, and the API
 * server, not the model, rejects it ({@code Required value: must not be empty}).
 *
 * <pre>{@code
 * PodDNSConfigOption.of("ndots", "2").toResolvOption();   // ndots:2
 * PodDNSConfigOption.flag("edns0");                        // edns0
 * }</pre>
 *
 * @param name the option's name; validation requires it to be non-empty
 * @param value the value after the colon, or empty for a flag option ({@code value} unset)
 */
public record PodDNSConfigOption(String name, Optional<String> value) {

  public PodDNSConfigOption {
    checkArgument(name != null, "an option name must not be null (use \"\" for unset)");
    checkArgument(value != null, "value must not be null (use Optional.empty())");
  }

  /** {@return an option with a value, {@code name:value}} */
  public static PodDNSConfigOption of(String name, String value) {
    return new PodDNSConfigOption(name, Optional.of(value));
  }

  /** {@return a flag option, {@code name} with no value} */
  public static PodDNSConfigOption flag(String name) {
    return new PodDNSConfigOption(name, Optional.empty());
  }

  /** {@return the option a resolv.conf option stands for} */
  public static PodDNSConfigOption of(ResolvOption option) {
    return new PodDNSConfigOption(option.name(), option.value());
  }

  /**
   * {@return the resolv.conf entry, as the kubelet writes it} An empty value is written as a
   * flag, since the kubelet's {@code mergeDNSOptions} writes {@code name:value} only for a
   * non-empty value.
   *
   * @throws IllegalArgumentException for an empty name; validated pods have none
   */
  public ResolvOption toResolvOption() {
    return new ResolvOption(name, value.filter(v -> !v.isEmpty()));
  }

  @Override
  public String toString() {
    return value.map(v -> name + ":" + v).orElse(name);
  }
}
