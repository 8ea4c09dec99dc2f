package io.kubenetsim.net;

import java.util.Optional;

/** A transport protocol a Kubernetes port may name. */
public enum Protocol {
  TCP,
  UDP,
  SCTP;

  /** {@return the protocol with exactly this name (case-sensitive, as the API is)} */
  public static Optional<Protocol> tryParse(String name) {
    for (Protocol protocol : values()) {
      if (protocol.name().equals(name)) {
        return Optional.of(protocol);
      }
    }
    return Optional.empty();
  }
}
