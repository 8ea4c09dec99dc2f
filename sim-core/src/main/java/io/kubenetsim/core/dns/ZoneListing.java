package io.kubenetsim.core.dns;

import io.kubenetsim.dns.DnsName;
import io.kubenetsim.dns.DnsQuestion;
import io.kubenetsim.dns.DnsResponse;
import io.kubenetsim.dns.Rcode;
import io.kubenetsim.dns.RecordType;
import io.kubenetsim.dns.ResourceRecord;
import io.kubenetsim.model.NamespacedName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A zone view: the records a CoreDNS process serves for the cluster's Services, found by
 * asking it — for each Service its name (A and AAAA, or the CNAME of an ExternalName), each
 * named port's SRV name, and for a headless Service each endpoint's own name. What it lists
 * is what a pod would be answered now, the process's watch lag included; pod records ({@code
 * a-b-c-d.ns.pod}), PTR and the apex records are left out, as kubectl-like listings of the
 * plugin's data leave them out.
 *
 * <pre>{@code
 * ZoneListing.of(zone, server, DnsName.of("cluster.local"), Optional.of("shop"));
 * // web.shop.svc.cluster.local. 30 IN A 10.96.12.7, _http._tcp.web.shop.svc..., ...
 * }</pre>
 */
public final class ZoneListing {

  private ZoneListing() {}

  /**
   * {@return the records, Service by Service in namespace and name order}
   *
   * @param namespace only this namespace's Services, or every namespace when empty
   */
  public static List<ResourceRecord> of(KubernetesZone zone, CoreDnsServer server,
      DnsName clusterZone, Optional<String> namespace) {
    Set<ResourceRecord> out = new LinkedHashSet<>();
    for (NamespacedName key : zone.services()) {
      if (namespace.isPresent() && !namespace.get().equals(key.namespace())) {
        continue;
      }
      ZoneService service = zone.serviceOrNull(key.namespace(), key.name());
      if (service == null) {
        continue;
      }
      DnsName name = clusterZone.prepend("svc").prepend(key.namespace()).prepend(key.name());
      for (DnsQuestion question : questions(zone, service, name)) {
        DnsResponse reply = server.answer(question);
        if (reply.rcode() == Rcode.NOERROR) {
          out.addAll(reply.answers());
        }
      }
    }
    return List.copyOf(out);
  }

  private static List<DnsQuestion> questions(KubernetesZone zone, ZoneService service,
      DnsName name) {
    List<DnsQuestion> out = new ArrayList<>();
    if (service.shape() == ZoneService.Shape.EXTERNAL_NAME) {
      out.add(new DnsQuestion(name, RecordType.CNAME));
      return out;
    }
    out.add(new DnsQuestion(name, RecordType.A));
    out.add(new DnsQuestion(name, RecordType.AAAA));
    Set<String> srv = new LinkedHashSet<>();
    service.ports().forEach(p -> srvLabel(p).ifPresent(srv::add));
    if (service.shape() == ZoneService.Shape.HEADLESS) {
      Set<String> labels = new LinkedHashSet<>();
      for (ZoneSlice slice : zone.endpoints(service.key()).slices()) {
        slice.ports().forEach(p -> srvLabel(p).ifPresent(srv::add));
        slice.addresses().forEach(e -> labels.add(e.label(false)));
      }
      for (String label : labels) {
        out.add(new DnsQuestion(name.prepend(label), RecordType.A));
        out.add(new DnsQuestion(name.prepend(label), RecordType.AAAA));
      }
    }
    for (String label : srv) {
      out.add(new DnsQuestion(DnsName.of(label + "." + name.text()), RecordType.SRV));
    }
    return out;
  }

  /** {@return {@code _name._proto} for a named port} */
  private static Optional<String> srvLabel(ZonePort port) {
    if (port.name().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("_" + port.name() + "._" + port.protocol()
        .map(p -> p.name().toLowerCase(Locale.ROOT)).orElse("tcp"));
  }
}
