package io.kubenetsim.core.manifest;

import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.net.Protocol;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code protocol} field shared by container ports, Service ports and endpoint ports:
 * absent or {@code ""} defaults to {@code TCP} (upstream's defaulting); a value other than
 * {@code TCP}, {@code UDP} or {@code SCTP} is reported as kube-apiserver words it, {@code
 * <path>.protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"}, under the
 * caller's rule id.
 *
 * <p>Simplification: upstream reports an unsupported protocol in validation, after defaulting;
 * the model holds a {@link Protocol} enum, so the decoder reports it instead, with the same
 * words.
 */
final class ProtocolDecoder {
  private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");

  private ProtocolDecoder() {}

  /** {@return the port's protocol; TCP when absent, and after reporting an unsupported one} */
  static Protocol decode(ObjectCursor port, String rule) {
    String text = port.string("protocol");
    if (text.isEmpty()) {
      return Protocol.TCP;
    }
    Optional<Protocol> protocol = Protocol.tryParse(text);
    if (protocol.isEmpty()) {
      port.error(FieldError.notSupported(port.fieldPath("protocol"), text, PROTOCOLS, rule));
    }
    return protocol.orElse(Protocol.TCP);
  }
}
