package io.kubenetsim.core.net;

import io.kubenetsim.net.ConnectionVerdict;
import java.util.Optional;

/**
 * What happened when a packet reached its (possibly rewritten) destination.
 *
 * @param pod the pod that answered or refused, as {@code namespace/name}
 */
record Delivery(ConnectionVerdict verdict, Optional<String> pod, String reason) {}
