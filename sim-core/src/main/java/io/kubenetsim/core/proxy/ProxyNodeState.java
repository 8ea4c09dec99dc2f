package io.kubenetsim.core.proxy;

import io.kubenetsim.core.proxy.ProxySnapshot.Key;
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
 *
 * <p>Records are keyed as the kernel keys them: by the name of an iptables {@code recent} list
 * or an nftables set, and by an IPVS virtual server's protocol, address and port ({@link Key}).
 * The maps are for lookup only and never iterated.
 */
public final class ProxyNodeState {
  /** Keys are {@link String} list or set names, or IPVS virtual servers as {@link Key}s. */
  private final Map<Object, Map<IpAddress, Sighting>> affinity = new HashMap<>();
  private final Map<Key, int[]> roundRobin = new HashMap<>();

  private record Sighting(HostPort endpoint, Instant at) {}

  /**
   * {@return the endpoint recorded for this client in an iptables {@code recent} list (a
   * KUBE-SEP chain) or an nftables affinity set within {@code timeout}}
   */
  public Optional<HostPort> affinity(String list, IpAddress client, Instant now,
      Duration timeout) {
    return sighting(list, client, now, timeout);
  }

  /** {@return the endpoint an IPVS virtual server's persistence template holds for a client} */
  public Optional<HostPort> affinity(Key virtualServer, IpAddress client, Instant now,
      Duration timeout) {
    return sighting(virtualServer, client, now, timeout);
  }

  /** Records (or refreshes) a client in an iptables {@code recent} list or nftables set. */
  public void recordAffinity(String list, IpAddress client, HostPort endpoint, Instant now) {
    record(list, client, endpoint, now);
  }

  /** Records (or refreshes) a client's persistence template for an IPVS virtual server. */
  public void recordAffinity(Key virtualServer, IpAddress client, HostPort endpoint,
      Instant now) {
    record(virtualServer, client, endpoint, now);
  }

  /**
   * {@return the next position (0 … size−1) of a virtual server's round-robin scheduler,
   * advancing it}
   */
  public int nextRoundRobin(Key virtualServer, int size) {
    int[] last = roundRobin.get(virtualServer);
    if (last == null) {
      last = new int[] {-1};
      roundRobin.put(virtualServer, last);
    }
    last[0] = Math.floorMod(last[0] + 1, size);
    return last[0];
  }

  private Optional<HostPort> sighting(Object key, IpAddress client, Instant now,
      Duration timeout) {
    Map<IpAddress, Sighting> clients = affinity.get(key);
    Sighting seen = clients == null ? null : clients.get(client);
    if (seen == null || seen.at().plus(timeout).isBefore(now)) {
      return Optional.empty();
    }
    return Optional.of(seen.endpoint());
  }

  private void record(Object key, IpAddress client, HostPort endpoint, Instant now) {
    affinity.computeIfAbsent(key, k -> new HashMap<>()).put(client, new Sighting(endpoint, now));
  }
}
