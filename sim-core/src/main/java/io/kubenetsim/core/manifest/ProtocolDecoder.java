package io.kubenetsim.core.manifest;

import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.net.Protocol;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code protocol} field shared by container ports, Service ports, endpoint ports and
 * NetworkPolicy ports: absent or {@code ""} defaults to {@code TCP} (upstream's defaulting); a
 * value other than {@code TCP}, {@code UDP} or {@code SCTP} is reported as kube-apiserver words
 * it, {@code <path>.protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP",
 * "UDP"}, under the caller's rule id. Core kinds list the supported values sorted (upstream
 * builds them from a set); NetworkPolicy validation lists them as written, {@code "TCP", "UDP",
 * "SCTP"} ({@link #NETWORK_POLICY_ORDER}).
 *
 * <p>Simplification: upstream reports an unsupported protocol in validation, after defaulting;
 * the model holds a {@link Protocol} enum, so the decoder reports it instead, with the same
 * words.
 */
final class ProtocolDecoder {
  private static final List<String> SORTED = List.of("SCTP", "TCP", "UDP");

  /** The order {@code ValidateNetworkPolicyPort} lists the supported protocols in. */
  static final List<String> NETWORK_POLICY_ORDER = List.of("TCP", "UDP", "SCTP");

  private ProtocolDecoder() {}

  /** {@return the port's protocol; TCP when absent, and after reporting an unsupported one} */
  static Protocol decode(ObjectCursor port, String rule) {
    return decode(port, rule, SORTED);
  }

  /** As {@link #decode(ObjectCursor, String)}, listing the supported values in this order. */
  static Protocol decode(ObjectCursor port, String rule, List<String> supported) {
    String text = port.typedString("protocol", "v1.Protocol");
    if (text.isEmpty()) {
      return Protocol.TCP;
    }
    Optional<Protocol> protocol = Protocol.tryParse(text);
    if (protocol.isEmpty()) {
      port.error(FieldError.notSupported(port.fieldPath("protocol"), text, supported, rule));
    }
    return protocol.orElse(Protocol.TCP);
  }
}
