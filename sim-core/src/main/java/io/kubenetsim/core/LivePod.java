package io.kubenetsim.core;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSet;
import io.kubenetsim.Connection;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ServiceHandle;
import io.kubenetsim.core.net.Source;
import io.kubenetsim.core.store.Conditions;
import io.kubenetsim.core.store.validation.PodValidation;
import io.kubenetsim.dns.DnsLookup;
import io.kubenetsim.dns.RecordType;
import io.kubenetsim.dns.ResolvConf;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.manifest.InvalidObject;
import io.kubenetsim.manifest.ValidationException;
import io.kubenetsim.model.ConditionStatus;
import io.kubenetsim.model.ObjectRef;
import io.kubenetsim.model.Pod;
import io.kubenetsim.net.IpAddress;
import io.kubenetsim.net.Protocol;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A {@link PodHandle} that reads the store on every call. */
final class LivePod extends LiveObject<Pod> implements PodHandle {

  /** Upstream's {@code PodConditionsByKubelet}: the kubelet rewrites these on every sync. */
  private static final ImmutableSet<String> KUBELET_CONDITIONS = ImmutableSet.of(
      "PodScheduled", "Initialized", "ContainersReady", "Ready", "PodReadyToStartContainers");

  /** The pod object {@link #source} was made from: made once per version, not per call. */
  private Pod sourceFrom;
  private Source source;

  LivePod(ControlPlane plane, ObjectRef ref) {
    super(plane, ref, Pod.class);
  }

  @Override
  public Connection connect(String host, int port, Protocol protocol) {
    Pod pod = get();
    return plane.lastConnection.record(plane.dnsTraffic.connect(source(pod),
        () -> resolvConf(pod), host, port, protocol));
  }

  /**
   * {@inheritDoc} A Service this cluster handed out is reached through its parsed IPv4
   * ClusterIP, as connecting to that address's text would be, without writing and re-reading
   * the text.
   */
  @Override
  public Connection connect(ServiceHandle service, int port) {
    if (service instanceof LiveService live) {
      Optional<IpAddress> clusterIp = live.clusterIpv4();
      if (clusterIp.isPresent()) {
        return plane.lastConnection.record(plane.dataplane.connect(source(get()),
            clusterIp.get(), port, Protocol.TCP));
      }
    }
    return PodHandle.super.connect(service, port);
  }

  private Source source(Pod pod) {
    if (pod != sourceFrom) {
      source = Source.ofPod(pod);
      sourceFrom = pod;
    }
    return source;
  }

  @Override
  public ResolvConf resolvConf() {
    return resolvConf(get());
  }

  @Override
  public DnsLookup lookup(String name, RecordType type) {
    Pod pod = get();
    return plane.dnsTraffic.lookup(Source.ofPod(pod), resolvConf(pod), name, type);
  }

  private ResolvConf resolvConf(Pod pod) {
    return plane.podDns.forPod(pod).resolvConf();
  }


  @Override
  public void delete() {
    plane.store.delete(ref, Optional.empty(), "Deleting", "deleted by the user");
  }

  @Override
  public void delete(Duration gracePeriod) {
    plane.store.delete(ref, Optional.of(gracePeriod.toSeconds()), "Deleting",
        "deleted by the user, grace period " + gracePeriod.toSeconds() + "s");
  }

  @Override
  public void setCondition(String conditionType, ConditionStatus status) {
    checkArgument(conditionType != null && status != null,
        "conditionType and status must not be null");
    checkArgument(!KUBELET_CONDITIONS.contains(conditionType), "the %s condition of pod %s is "
        + "the kubelet's own (it rewrites %s on every sync); set a condition of another type, "
        + "such as a readiness gate's (e.g. example.com/feature-1)", conditionType, ref.key(),
        KUBELET_CONDITIONS);
    Pod pod = get();
    Instant now = plane.sim.clock().now();
    UnaryOperator<Pod> change = p -> p.withStatus(p.status().withConditions(
        Conditions.set(p.status().conditions(), conditionType, status, now, "", "")));
    List<FieldError> errors = PodValidation.validateConditions(
        change.apply(pod).status().conditions());
    if (!errors.isEmpty()) {
      throw ValidationException.of(InvalidObject.of(Pod.KIND, ref.namespace(), ref.name(),
          errors));
    }
    plane.store.patch(Pod.class, ref.key(), change, "ConditionSet",
        "status.conditions " + conditionType + "=" + status + ", set through the status "
            + "subresource");
  }

  @Override
  public void crash() {
    onKubelet(true, false);
  }

  @Override
  public void crashLoop(boolean crashing) {
    onKubelet(false, crashing);
  }

  private void onKubelet(boolean once, boolean crashing) {
    Pod pod = get();
    String node = pod.spec().nodeName();
    if (node.isEmpty()) {
      throw new IllegalStateException("pod " + ref.key() + " is not running on a node yet "
          + "(phase " + pod.status().phase() + "); settle() or runFor(...) first");
    }
    plane.kubelets.kubelet(node).ifPresent(k -> {
      if (once) {
        k.crash(ref.key());
      } else {
        k.crashLoop(ref.key(), crashing);
      }
    });
  }
}
