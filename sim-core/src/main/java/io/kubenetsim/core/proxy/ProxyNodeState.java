package io.kubenetsim.core.proxy;

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

  private record Sighting(String value, Instant at) {}

  /**
   * {@return the value recorded for this client under {@code key} within {@code timeout}}:
   * for iptables the key is a KUBE-SEP chain and the value is unused; for IPVS and nftables the
   * key is the service port and the value the endpoint's {@code ip:port}
   */
  public Optional<String> affinity(String key, IpAddress client, Instant now, Duration timeout) {
    Sighting seen = affinity.getOrDefault(key, Map.of()).get(client);
    if (seen == null || seen.at().plus(timeout).isBefore(now)) {
      return Optional.empty();
    }
    return Optional.of(seen.value());
  }

  /** Records (or refreshes) a client under {@code key}. */
  public void recordAffinity(String key, IpAddress client, String value, Instant now) {
    affinity.computeIfAbsent(key, k -> new HashMap<>()).put(client, new Sighting(value, now));
  }

  /** {@return the next position (0 … size−1) of a round-robin scheduler, advancing it} */
  public int nextRoundRobin(String virtualServer, int size) {
    int next = roundRobin.getOrDefault(virtualServer, -1) + 1;
    int position = Math.floorMod(next, size);
    roundRobin.put(virtualServer, position);
    return position;
  }
}
