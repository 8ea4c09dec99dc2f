package io.kubenetsim;

import io.kubenetsim.model.DnsPolicy;
import io.kubenetsim.model.NamespacedName;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodDNSConfig;
import io.kubenetsim.model.PodStatus;
import io.kubenetsim.model.Probe;
import io.kubenetsim.net.Protocol;
import java.util.function.Function;

/**
 * Describes a bare pod (one container, named after the pod) and creates it.
 *
 * <pre>{@code
 * PodHandle p = c.pod("shop/debug").label("app", "debug").containerPort("http", 8080).create();
 * PodHandle custom = c.pod("shop/custom").dnsPolicy(DnsPolicy.NONE)
 *     .dnsConfig(PodDNSConfig.empty().withNameserver(IpAddress.parse("1.1.1.1"))).create();
 * }</pre>
 */
public final class PodBuilder {
  private final NamespacedName key;
  private final PodTemplateDraft draft;
  private final Function<Pod, PodHandle> creator;

  /** For {@link Cluster} implementations: {@code creator} submits the built pod. */
  public PodBuilder(NamespacedName key, Function<Pod, PodHandle> creator) {
    this.key = key;
    this.draft = new PodTemplateDraft(key.name().isEmpty() ? "main" : key.name());
    this.creator = creator;
  }

  public PodBuilder label(String key, String value) {
    draft.label(key, value);
    return this;
  }

  public PodBuilder image(String image) {
    draft.image(image);
    return this;
  }

  /** Declares a named TCP container port. */
  public PodBuilder containerPort(String name, int port) {
    draft.containerPort(name, port, Protocol.TCP);
    return this;
  }

  /** Declares an unnamed TCP container port. */
  public PodBuilder containerPort(int port) {
    draft.containerPort("", port, Protocol.TCP);
    return this;
  }

  /** Declares a container port with any protocol. */
  public PodBuilder containerPort(String name, int port, Protocol protocol) {
    draft.containerPort(name, port, protocol);
    return this;
  }

  public PodBuilder readinessProbe(Probe probe) {
    draft.readinessProbe(probe);
    return this;
  }

  /**
   * Adds a readiness gate ({@code spec.readinessGates[].conditionType}): a pod is Ready only
   * once its containers are ready and a condition of this type is True, as another controller
   * would set it ({@link PodHandle#setCondition}). The type must be a qualified name, such as
   * {@code example.com/feature-1}; an invalid one is rejected when the pod is created.
   */
  public PodBuilder readinessGate(String conditionType) {
    draft.readinessGate(conditionType);
    return this;
  }

  /** Runs the pod in its node's network namespace: it takes the node's IP. */
  public PodBuilder hostNetwork(boolean value) {
    draft.hostNetwork(value);
    return this;
  }

  /** Binds the pod to a node, bypassing the scheduler, as {@code spec.nodeName} does. */
  public PodBuilder nodeName(String node) {
    draft.nodeName(node);
    return this;
  }

  public PodBuilder terminationGracePeriodSeconds(long seconds) {
    draft.gracePeriodSeconds(seconds);
    return this;
  }

  /**
   * Sets {@code spec.dnsPolicy}, which resolv.conf the kubelet writes ({@link
   * DnsPolicy#CLUSTER_FIRST} unless set).
   */
  public PodBuilder dnsPolicy(DnsPolicy policy) {
    draft.dnsPolicy(policy);
    return this;
  }

  /**
   * Sets {@code spec.dnsConfig}: nameservers, search domains and options added to the policy's
   * (or, with {@link DnsPolicy#NONE}, the whole resolv.conf). Checked when the pod is created:
   * at most three nameservers, each an IP address; at most 32 search domains.
   */
  public PodBuilder dnsConfig(PodDNSConfig config) {
    draft.dnsConfig(config);
    return this;
  }

  /** {@return the pod described so far, not yet created} */
  public Pod build() {
    return new Pod(ObjectMeta.named(key.namespace(), key.name()).withLabels(draft.labels()),
        draft.spec(), PodStatus.pending());
  }

  /**
   * Creates the pod.
   *
   * @throws io.kubenetsim.manifest.ValidationException if the pod is invalid (nothing changes)
   * @throws ApiException if the namespace does not exist or the name is taken
   */
  public PodHandle create() {
    return creator.apply(build());
  }
}
