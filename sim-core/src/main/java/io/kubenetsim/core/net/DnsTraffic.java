package io.kubenetsim.core.net;

import io.kubenetsim.Connection;
import io.kubenetsim.core.dns.CoreDnsFleet;
import io.kubenetsim.core.dns.InternetDns;
import io.kubenetsim.core.dns.StubResolver;
import io.kubenetsim.core.dns.StubResolverTransport.Exchange;
import io.kubenetsim.core.dns.StubResolverTransport;
import io.kubenetsim.core.dns.WireSize;
import io.kubenetsim.core.store.ApiStore;
import io.kubenetsim.dns.DnsLookup;
import io.kubenetsim.dns.DnsQuestion;
import io.kubenetsim.dns.DnsResponse;
import io.kubenetsim.dns.RecordType;
import io.kubenetsim.dns.ResolvConf;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.Pod;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * DNS queries as traffic: each query is a UDP datagram from its sender to port 53 of a
 * nameserver, through the {@link Dataplane} like any other packet (kube-proxy's rules as the
 * entry node last synced them, NetworkPolicy on both ends, the node's health). What answers is
 * whatever the datagram reached: a CoreDNS pod's process ({@link CoreDnsFleet}), or, for an
 * address outside the cluster (the nodes' resolver, a public resolver), the outside world
 * ({@link InternetDns}). Anything else — a pod that is not CoreDNS, a packet that was dropped —
 * gives no reply, and the resolver waits out its timeout.
 *
 * <pre>{@code
 * StubResolver resolver = new StubResolver(traffic.from(podSource));
 * resolver.lookup("web", RecordType.A, resolvConf);   // every query a traced UDP exchange
 * }</pre>
 *
 * <p>A reply larger than a UDP datagram may carry ({@link WireSize}) comes back truncated, and
 * the query goes again over TCP to port 53 of the same server — a new connection through
 * kube-proxy (the Service's {@code dns-tcp} port) and NetworkPolicy, so a policy that allows
 * only UDP 53 breaks large answers, such as a headless Service's with many pods.
 *
 * <p>Simplification: replies are not traced back (a reply follows the request's conntrack
 * entry, so it arrives whenever the request did).
 */
public final class DnsTraffic {
  /** The port every nameserver listens on. */
  public static final int PORT = 53;

  private final Dataplane dataplane;
  private final ApiStore store;
  private final CoreDnsFleet coreDns;
  private final InternetDns internet;

  public DnsTraffic(Dataplane dataplane, ApiStore store, CoreDnsFleet coreDns,
      InternetDns internet) {
    this.dataplane = dataplane;
    this.store = store;
    this.coreDns = coreDns;
    this.internet = internet;
  }

  /** {@return a transport sending every query from {@code source}} */
  public StubResolverTransport from(Source source) {
    return (server, question) -> exchange(source, server, question);
  }

  /**
   * Sends one query from {@code source} to {@code server}:53 and takes what comes back: over
   * UDP, and when the reply does not fit a UDP datagram ({@link WireSize#UDP_LIMIT} octets:
   * CoreDNS sets TC), once more over TCP, as glibc's {@code res_send} does.
   */
  public Exchange exchange(Source source, IpAddress server, DnsQuestion question) {
    Connection datagram = dataplane.connect(source, server, PORT, Protocol.UDP);
    Optional<DnsResponse> reply = datagram.isEstablished() ? reply(datagram, question)
        : Optional.empty();
    if (reply.isEmpty() || WireSize.of(reply.get()) <= WireSize.UDP_LIMIT) {
      return new Exchange(reply, Optional.of(datagram));
    }
    Connection stream = dataplane.connect(source, server, PORT, Protocol.TCP);
    try {
      Optional<DnsResponse> full = stream.isEstablished() ? reply(stream, question)
          : Optional.empty();
      return new Exchange(full, Optional.of(stream), Protocol.TCP);
    } finally {
      stream.close();
    }
  }

  /** {@return {@code name} looked up from {@code source} with its resolver configuration} */
  public DnsLookup lookup(Source source, ResolvConf conf, String name, RecordType type) {
    return new StubResolver(from(source)).lookup(name, type, conf);
  }

  /**
   * {@return a connection to {@code host}: to the address itself, or to a name after looking
   * it up, as an application's {@code getaddrinfo} and {@code connect} do}
   */
  public Connection connect(Source source, Supplier<ResolvConf> conf, String host, int port,
      Protocol protocol) {
    Optional<IpAddress> address = IpAddress.tryParse(host);
    if (address.isPresent()) {
      return dataplane.connect(source, address.get(), port, protocol);
    }
    DnsLookup lookup = lookup(source, conf.get(), host, RecordType.A);
    if (lookup.addresses().isEmpty()) {
      return NamedConnection.unresolved(lookup, source, port, protocol);
    }
    return NamedConnection.resolved(lookup, source,
        dataplane.connect(source, lookup.addresses().get(0), port, protocol));
  }

  private Optional<DnsResponse> reply(Connection datagram, DnsQuestion question) {
    if (datagram.backendPod().isEmpty()) {
      // Established with no pod behind it: delivered outside the cluster.
      return Optional.of(internet.answer(question));
    }
    return store.get(Pod.class, NamespacedName.parse(datagram.backendPod().get()))
        .flatMap(pod -> coreDns.answer(pod, question));
  }
}
