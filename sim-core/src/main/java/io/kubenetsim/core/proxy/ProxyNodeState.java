package io.kubenetsim.core.proxy;

import io.kubenetsim.net.HostPort;
import io.kubenetsim.net.IpAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The state a node's kernel keeps for kube-proxy's rules between packets: session-affinity
 * records (iptables {@code recent}, nftables affinity sets, IPVS persistence) and IPVS
 * round-robin positions. One per node; only touched for services the node actually carried
 * traffic for, so memory grows with traffic, not with nodes times services.
 */
public final class ProxyNodeState {
  private final Map<String, Map<IpAddress, Sighting>> affinity = new HashMap<>();
  private final Map<String, Integer> roundRobin = new HashMap<>();

  private record Sighting(HostPort endpoint, Instant at) {}

  /**
   * {@return the endpoint recorded for this client under {@code key} within {@code timeout}}:
   * the key is the iptables {@code recent} list (a KUBE-SEP chain), the nftables affinity set,
   * or the IPVS virtual server
   */
  public Optional<HostPort> affinity(String key, IpAddress client, Instant now,
      Duration timeout) {
    Sighting seen = affinity.getOrDefault(key, Map.of()).get(client);
    if (seen == null || seen.at().plus(timeout).isBefore(now)) {
      return Optional.empty();
    }
    return Optional.of(seen.endpoint());
  }

  /** Records (or refreshes) a client under {@code key}. */
  public void recordAffinity(String key, IpAddress client, HostPort endpoint, Instant now) {
    affinity.computeIfAbsent(key, k -> new HashMap<>()).put(client, new Sighting(endpoint, now));
  }

  /** {@return the next position (0 … size−1) of a round-robin scheduler, advancing it} */
  public int nextRoundRobin(String virtualServer, int size) {
    int next = roundRobin.getOrDefault(virtualServer, -1) + 1;
    int position = Math.floorMod(next, size);
    roundRobin.put(virtualServer, position);
    return position;
  }
}
