package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.dns.ResourceRecord;
import java.util.List;

/**
 * Names outside the cluster: records the nodes' own resolver answers (and so CoreDNS's {@code
 * forward . /etc/resolv.conf}, and any pod with {@code dnsPolicy: Default}). Not a Kubernetes
 * kind: kube-netsim's description of the world beyond the cluster, applied like any manifest
 * ({@code apiVersion: sim.kubenetsim.io/v1alpha1}, cluster-scoped). Every UpstreamZone's
 * records add up; a name in none of them is NXDOMAIN, as a real resolver would say.
 *
 * <pre>{@code
 * apiVersion: sim.kubenetsim.io/v1alpha1
 * kind: UpstreamZone
 * metadata: {name: internet}
 * records:
 * - {name: example.com, type: A, data: 93.184.216.34}
 * - {name: www.example.com, type: CNAME, data: example.com, ttl: 3600}
 * }</pre>
 *
 * @param records the records, in the order written
 */
public record UpstreamZone(ObjectMeta metadata, ImmutableList<ResourceRecord> records)
    implements KubernetesObject {

  public static final String KIND = "UpstreamZone";
  public static final String API_VERSION = "sim.kubenetsim.io/v1alpha1";

  /** The TTL of a record that gives none. */
  public static final long DEFAULT_TTL = 300;

  public UpstreamZone {
    checkArgument(metadata != null, "metadata must not be null");
    records = ImmutableList.copyOf(records);
  }

  /** {@return a zone of these records} */
  public static UpstreamZone of(String name, List<ResourceRecord> records) {
    return new UpstreamZone(ObjectMeta.named(name), ImmutableList.copyOf(records));
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String apiVersion() {
    return API_VERSION;
  }

  @Override
  public UpstreamZone withMetadata(ObjectMeta newMetadata) {
    return new UpstreamZone(newMetadata, records);
  }

  @Override
  public String toString() {
    return "UpstreamZone " + metadata.name() + " (" + records.size() + " records)";
  }
}
