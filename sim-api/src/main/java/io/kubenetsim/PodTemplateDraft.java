package io.kubenetsim;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSortedMap;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.DnsPolicy;
import io.kubenetsim.model.Labels;
import io.kubenetsim.model.PodDNSConfig;
import io.kubenetsim.model.PodReadinessGate;
import io.kubenetsim.model.PodSpec;
import io.kubenetsim.model.Probe;
import io.kubenetsim.net.Protocol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pod parts shared by {@link PodBuilder}, {@link DeploymentBuilder} and {@link
 * StatefulSetBuilder}: labels, one main container (named after the workload) with an image,
 * ports and an optional readiness probe, the pod's readiness gates, and its DNS policy and
 * config.
 */
final class PodTemplateDraft {
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final List<ContainerPort> ports = new ArrayList<>();
  private final List<PodReadinessGate> readinessGates = new ArrayList<>();
  private final String containerName;
  private String image = "registry.k8s.io/e2e-test-images/agnhost:2.53";
  private Optional<Probe> readinessProbe = Optional.empty();
  private boolean hostNetwork;
  private long gracePeriodSeconds = PodSpec.DEFAULT_GRACE_PERIOD_SECONDS;
  private String nodeName = "";
  private DnsPolicy dnsPolicy = DnsPolicy.CLUSTER_FIRST;
  private Optional<PodDNSConfig> dnsConfig = Optional.empty();

  PodTemplateDraft(String containerName) {
    this.containerName = containerName;
  }

  void label(String key, String value) {
    labels.put(key, value);
  }

  Labels labels() {
    return Labels.of(ImmutableSortedMap.copyOf(labels));
  }

  void image(String newImage) {
    image = newImage;
  }

  void containerPort(String name, int port, Protocol protocol) {
    checkArgument(protocol != null, "protocol must not be null");
    ports.add(new ContainerPort(name, port, protocol, 0));
  }

  void readinessProbe(Probe probe) {
    readinessProbe = Optional.of(probe);
  }

  void readinessGate(String conditionType) {
    checkArgument(conditionType != null, "conditionType must not be null");
    readinessGates.add(PodReadinessGate.of(conditionType));
  }

  void hostNetwork(boolean value) {
    hostNetwork = value;
  }

  void gracePeriodSeconds(long seconds) {
    gracePeriodSeconds = seconds;
  }

  void nodeName(String node) {
    nodeName = node;
  }

  void dnsPolicy(DnsPolicy policy) {
    checkArgument(policy != null, "dnsPolicy must not be null");
    dnsPolicy = policy;
  }

  void dnsConfig(PodDNSConfig config) {
    checkArgument(config != null, "dnsConfig must not be null");
    dnsConfig = Optional.of(config);
  }

  PodSpec spec() {
    Container container =
        new Container(containerName, image, com.google.common.collect.ImmutableList.copyOf(ports),
            readinessProbe);
    return PodSpec.of(List.of(container)).withHostNetwork(hostNetwork)
        .withTerminationGracePeriodSeconds(gracePeriodSeconds).withNodeName(nodeName)
        .withReadinessGates(readinessGates).withDns(dnsPolicy, dnsConfig);
  }
}
