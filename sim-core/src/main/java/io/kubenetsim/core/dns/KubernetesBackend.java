package io.kubenetsim.core.dns;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.dns.DnsName;
import io.kubenetsim.dns.RecordType;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.IpFamily;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The kubernetes plugin's backend: which items a name has, from the zone's caches. It follows
 * upstream's {@code Services}, {@code Records}, {@code findServices} and {@code findPods}
 * ({@code plugin/kubernetes/kubernetes.go}), {@code Reverse} and {@code serviceRecordForIP}
 * ({@code reverse.go}) and {@code nsAddrs} ({@code ns.go}); {@link KubernetesPlugin} turns the
 * items into records per question type.
 *
 * <p>Simplification: the {@code labels}, {@code namespace_labels}, {@code multicluster} and
 * {@code zonal} options are not modelled (the Corefile parser reports them as unmodelled);
 * upstream's wildcard names ({@code *} and {@code any}) were removed from CoreDNS and are
 * ordinary labels here too.
 */
final class KubernetesBackend {
  /** The schema version {@code dns-version.<zone>} answers (upstream {@code DNSSchemaVersion}). */
  static final String SCHEMA_VERSION = "1.1.0";
  /** The TTL of the schema version record, fixed (kubernetes/dns specification §2.2). */
  static final long SCHEMA_VERSION_TTL = 28800;

  private final KubernetesOptions options;
  private final KubernetesZone zone;
  private final ImmutableList<IpAddress> ownIps;

  KubernetesBackend(KubernetesOptions options, KubernetesZone zone, List<IpAddress> ownIps) {
    this.options = options;
    this.zone = zone;
    this.ownIps = ImmutableList.copyOf(ownIps);
  }

  KubernetesOptions options() {
    return options;
  }

  KubernetesZone zone() {
    return zone;
  }

  /**
   * Upstream's {@code Services}: the items of {@code name} for a question of {@code type} in
   * {@code zone} (spelt as asked). For TXT (other than {@code dns-version}, which the plugin
   * answers itself) only whether the name exists; for NS the name servers; an A or AAAA question
   * for {@code ns.dns.<zone>} gets the name servers' addresses; SRV drops aliases.
   */
  Found services(DnsName name, RecordType type, DnsName zoneAsked) {
    String key = name.key();
    int zoneLength = zoneAsked.text().length();
    if (type == RecordType.TXT) {
      Found records = records(key, zoneAsked, zoneLength);
      return records.targets().isEmpty() ? Found.NAME_ERROR : Found.NOTHING;
    }
    if (type == RecordType.NS) {
      return Found.of(nsAddresses(zoneAsked));
    }
    if (isNsDns(key, zoneAsked.key())) {
      List<Target> out = new ArrayList<>();
      for (Target t : nsAddresses(zoneAsked)) {
        IpAddress ip = t.address().orElseThrow();
        boolean v4 = ip.family() == IpFamily.IPV4;
        if ((type == RecordType.A && v4) || (type == RecordType.AAAA && !v4)) {
          out.add(Target.address(ip, -1, t.ttl(), name));
        }
      }
      return Found.of(out);
    }
    Found found = records(key, zoneAsked, zoneLength);
    if (type != RecordType.SRV) {
      return found;
    }
    return new Found(found.targets().stream().filter(t -> t.alias().isEmpty())
        .collect(ImmutableList.toImmutableList()), found.nameError());
  }

  /** Upstream's {@code Records}: parse the name, check the namespace, find pods or Services. */
  Found records(String key, DnsName zoneAsked, int zoneLength) {
    RecordRequest r = RecordRequest.parse(key, zoneLength);
    if (r.invalid()) {
      return Found.NAME_ERROR;
    }
    if (r.isApex()) {
      return Found.NOTHING;
    }
    if (key.endsWith(".in-addr.arpa.") || key.endsWith(".ip6.arpa.")
        || !namespaceExposed(r.namespace())) {
      return Found.NAME_ERROR;
    }
    return r.isPod() ? findPods(r, zoneAsked) : findServices(r, zoneAsked);
  }

  /** {@return whether the namespace exists and the {@code namespaces} option lets it through} */
  boolean namespaceExposed(String namespace) {
    return options.configuredNamespace(namespace) && zone.namespaceExists(namespace);
  }

  private Found findPods(RecordRequest r, DnsName zoneAsked) {
    if (options.podMode() == PodMode.DISABLED) {
      return Found.NAME_ERROR;
    }
    if (r.service().isEmpty()) {
      return Found.NOTHING;
    }
    String podName = r.service();
    boolean v4 = podName.chars().filter(c -> c == '-').count() == 3 && !podName.contains("--");
    String ip = podName.replace('-', v4 ? '.' : ':');
    Optional<IpAddress> address = IpAddress.tryParse(ip);
    if (address.isEmpty()) {
      return Found.NAME_ERROR;
    }
    DnsName name = under(zoneAsked, podName, r.namespace(), RecordRequest.POD);
    Target target = Target.address(address.get(), -1, options.ttl(), name);
    if (options.podMode() == PodMode.INSECURE) {
      return Found.of(List.of(target));
    }
    // Verified: upstream compares the text rebuilt from the name with the pod's podIP text.
    List<Target> out = new ArrayList<>();
    for (NamespacedName pod : zone.podsWithIp(ip)) {
      if (pod.namespace().equals(r.namespace())) {
        out.add(target);
      }
    }
    return out.isEmpty() ? Found.NAME_ERROR : Found.of(out);
  }

  private Found findServices(RecordRequest r, DnsName zoneAsked) {
    if (r.service().isEmpty()) {
      return Found.NOTHING;
    }
    ZoneService svc = zone.serviceOrNull(r.namespace(), r.service());
    if (svc == null) {
      return Found.NAME_ERROR;
    }
    ServiceEndpoints endpoints = endpointsOf(svc.key());
    if (options.ignoreEmptyService() && svc.shape() == ZoneService.Shape.CLUSTER_IP
        && endpoints.addressCount() == 0) {
      return Found.NAME_ERROR;
    }
    DnsName serviceName = under(zoneAsked, svc.key().name(), svc.key().namespace(),
        RecordRequest.SVC);
    if (svc.shape() == ZoneService.Shape.EXTERNAL_NAME) {
      if (!r.isPlainService() || svc.cnameTarget().isEmpty()) {
        return Found.NAME_ERROR;
      }
      return Found.of(List.of(Target.alias(svc.cnameTarget().get(), options.ttl(),
          serviceName)));
    }
    if (svc.shape() == ZoneService.Shape.HEADLESS || !r.endpoint().isEmpty()) {
      List<Target> out = new ArrayList<>();
      for (ZoneSlice slice : endpoints.slices()) {
        for (ZoneEndpoint address : slice.addresses()) {
          String label = address.label(options.endpointPodNames());
          if (!r.endpoint().isEmpty() && !r.endpoint().equalsIgnoreCase(label)) {
            continue;
          }
          for (ZonePort port : slice.ports()) {
            if (port.matches(r.port(), r.protocol())) {
              out.add(Target.address(address.address(), port.port(), options.ttl(),
                  serviceName.prepend(label)));
            }
          }
        }
      }
      return out.isEmpty() ? Found.NAME_ERROR : Found.of(out);
    }
    List<Target> out = new ArrayList<>();
    boolean portMatched = false;
    for (ZonePort port : svc.ports()) {
      if (port.matches(r.port(), r.protocol())) {
        portMatched = true;
        for (IpAddress ip : svc.clusterIps()) {
          out.add(Target.address(ip, port.port(), options.ttl(), serviceName));
        }
      }
    }
    return portMatched ? Found.of(out) : Found.NAME_ERROR;
  }

  /** {@return the Service's ready endpoints, none with {@code noendpoints}} */
  ServiceEndpoints endpointsOf(NamespacedName service) {
    return options.noEndpoints() ? ServiceEndpoints.NONE : zone.endpoints(service);
  }

  /**
   * Upstream's {@code Reverse}: the names of a reverse name's address — the Service whose
   * cluster IP it is, else one name per ready endpoint holding it — under the primary zone. A
   * name that holds no address is looked up as a forward name, for its error only.
   */
  Found reverse(DnsName name, DnsName zoneAsked) {
    Optional<IpAddress> ip = name.reverseAddress();
    if (ip.isEmpty()) {
      Found found = records(name.key(), zoneAsked, zoneAsked.text().length());
      return new Found(ImmutableList.of(), found.nameError());
    }
    DnsName primary = options.primaryZone();
    for (ZoneService svc : zone.servicesWithClusterIp(ip.get())) {
      if (!options.namespaces().isEmpty() && !namespaceExposed(svc.key().namespace())) {
        continue;
      }
      return Found.of(List.of(Target.alias(under(primary, svc.key().name(),
          svc.key().namespace(), RecordRequest.SVC), options.ttl(), name)));
    }
    List<Target> out = new ArrayList<>();
    List<ZoneSlice> holding = options.noEndpoints() ? List.of() : zone.slicesHolding(ip.get());
    for (ZoneSlice slice : holding) {
      if (!options.namespaces().isEmpty() && !namespaceExposed(slice.key().namespace())) {
        continue;
      }
      for (ZoneEndpoint address : slice.addresses()) {
        if (address.address().equals(ip.get())) {
          out.add(Target.alias(under(primary, address.label(options.endpointPodNames()),
              slice.service().name(), slice.service().namespace(), RecordRequest.SVC),
              options.ttl(), name));
        }
      }
    }
    return out.isEmpty() ? Found.NAME_ERROR : Found.of(out);
  }

  /**
   * Upstream's {@code nsAddrs}: the addresses of the Services whose endpoints include this
   * CoreDNS's own IP — the cluster IPs (named {@code <svc>.<ns>.svc.<zone>}), or for a headless
   * Service its endpoints — else its own IPs under {@code ns.dns.<zone>}.
   */
  List<Target> nsAddresses(DnsName zoneAsked) {
    List<Target> out = new ArrayList<>();
    boolean found = false;
    for (IpAddress own : ownIps) {
      List<ZoneSlice> holding = options.noEndpoints() ? List.of() : zone.slicesHolding(own);
      for (ZoneSlice slice : holding) {
        found = true;
        Optional<ZoneService> svc = zone.service(slice.service().namespace(),
            slice.service().name());
        if (svc.isEmpty()) {
          continue;
        }
        DnsName svcName = under(zoneAsked, svc.get().key().name(), svc.get().key().namespace(),
            RecordRequest.SVC);
        if (svc.get().shape() == ZoneService.Shape.HEADLESS) {
          for (ZoneEndpoint address : slice.addresses()) {
            out.add(Target.address(address.address(), -1, options.ttl(),
                svcName.prepend(address.label(options.endpointPodNames()))));
          }
        } else {
          svc.get().clusterIps().forEach(ip -> out.add(Target.address(ip, -1, options.ttl(),
              svcName)));
        }
      }
    }
    if (!found) {
      DnsName ns = under(zoneAsked, "ns", "dns");
      ownIps.forEach(ip -> out.add(Target.address(ip, -1, options.ttl(), ns)));
    }
    return out;
  }

  /** {@return {@code labels...} joined with dots in front of {@code zone}} */
  /**
   * {@return whether {@code key} is upstream's {@code "ns.dns." + zone}}, without building that
   * text (for the root zone that is {@code ns.dns..}, which no question asks)
   */
  private static boolean isNsDns(String key, String zoneKey) {
    String prefix = "ns.dns.";
    return key.length() == prefix.length() + zoneKey.length() && key.startsWith(prefix)
        && key.endsWith(zoneKey);
  }

  static DnsName under(DnsName zone, String... labels) {
    StringBuilder text = new StringBuilder();
    for (String label : labels) {
      text.append(label).append('.');
    }
    return DnsName.of(text.append(zone.isRoot() ? "" : zone.text()).toString());
  }
}
