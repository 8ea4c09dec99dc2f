package io.kubenetsim.core.manifest;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.DnsPolicy;
import io.kubenetsim.model.PodDNSConfig;
import io.kubenetsim.model.PodDNSConfigOption;
import io.kubenetsim.model.PodReadinessGate;
import io.kubenetsim.model.PodSpec;
import io.kubenetsim.model.Probe;
import io.kubenetsim.net.Protocol;
import java.util.Arrays;
import java.util.Optional;

/**
 * Decodes {@code v1.PodSpec}, shared by Pods and the templates of Deployments and ReplicaSets,
 * applying upstream's defaults: {@code restartPolicy: Always}, {@code dnsPolicy: ClusterFirst},
 * {@code terminationGracePeriodSeconds: 30}, container port {@code protocol: TCP}, and probe
 * timing (period 10 s, timeout 1 s, thresholds 1 and 3). {@code readinessGates} and {@code
 * dnsConfig} are kept as written, for validation to judge.
 *
 * <p>Simplification: upstream reports an unsupported {@code dnsPolicy} in validation ({@code
 * validateDNSPolicy}), after defaulting; the model holds a {@link DnsPolicy}, so the decoder
 * reports it instead, with the same words, as {@link ProtocolDecoder} does for protocols.
 *
 * <p>Simplification: fields the simulation does not model (volumes, resources, env, affinity,
 * probe handlers, …) are accepted as known and dropped without checking their types.
 */
final class PodSpecDecoder {
  /** Rule id of the decode-stage error for a protocol other than TCP, UDP and SCTP. */
  static final String PROTOCOL_RULE = "containerPort.protocol.supported";

  /** Rule id of the decode-stage error for a {@code dnsPolicy} the API does not define. */
  static final String DNS_POLICY_RULE = "pod.dns-policy.unsupported";

  private PodSpecDecoder() {}

  static PodSpec decode(ObjectCursor spec) {
    spec.ignore("volumes", "initContainers", "ephemeralContainers", "activeDeadlineSeconds",
        "nodeSelector", "serviceAccountName", "serviceAccount", "automountServiceAccountToken",
        "hostPID", "hostIPC", "shareProcessNamespace", "securityContext", "imagePullSecrets",
        "affinity", "schedulerName", "tolerations", "hostAliases", "priorityClassName",
        "priority", "runtimeClassName", "enableServiceLinks",
        "preemptionPolicy", "overhead", "topologySpreadConstraints", "setHostnameAsFQDN", "os",
        "hostUsers", "schedulingGates", "resourceClaims", "resources", "hostnameOverride");
    ImmutableList.Builder<Container> containers = ImmutableList.builder();
    for (ObjectCursor container : spec.objects("containers", "v1.Container")) {
      containers.add(container(container));
    }
    return new PodSpec(
        spec.string("nodeName"),
        spec.bool("hostNetwork", false),
        containers.build(),
        spec.int64("terminationGracePeriodSeconds", PodSpec.DEFAULT_GRACE_PERIOD_SECONDS),
        spec.string("hostname"),
        spec.string("subdomain"),
        nonEmpty(spec.string("restartPolicy"), "Always"),
        dnsPolicy(spec),
        spec.optionalObject("dnsConfig", "v1.PodDNSConfig").map(PodSpecDecoder::dnsConfig),
        readinessGates(spec));
  }

  /** {@code dnsPolicy}; absent or {@code ""} is ClusterFirst ({@code SetDefaults_PodSpec}). */
  private static DnsPolicy dnsPolicy(ObjectCursor spec) {
    String text = spec.typedString("dnsPolicy", "v1.DNSPolicy");
    if (text.isEmpty()) {
      return DnsPolicy.CLUSTER_FIRST;
    }
    Optional<DnsPolicy> policy = DnsPolicy.tryParse(text);
    if (policy.isEmpty()) {
      spec.error(FieldError.notSupported(spec.fieldPath("dnsPolicy"), text,
          Arrays.stream(DnsPolicy.values()).map(DnsPolicy::toString).toList(), DNS_POLICY_RULE));
    }
    return policy.orElse(DnsPolicy.CLUSTER_FIRST);
  }

  /**
   * {@code dnsConfig: {nameservers, searches, options: [{name, value}]}}; an option's {@code
   * value} is a pointer upstream, so an absent one stays distinct from {@code ""}.
   */
  private static PodDNSConfig dnsConfig(ObjectCursor config) {
    ImmutableList.Builder<PodDNSConfigOption> options = ImmutableList.builder();
    for (ObjectCursor option : config.objects("options", "v1.PodDNSConfigOption")) {
      Optional<String> value =
          option.has("value") ? Optional.of(option.string("value")) : Optional.empty();
      options.add(new PodDNSConfigOption(option.string("name"), value));
    }
    return new PodDNSConfig(config.strings("nameservers"), config.strings("searches"),
        options.build());
  }

  /** {@code readinessGates: [{conditionType: …}]}; the type is validated by the API server. */
  private static ImmutableList<PodReadinessGate> readinessGates(ObjectCursor spec) {
    ImmutableList.Builder<PodReadinessGate> gates = ImmutableList.builder();
    for (ObjectCursor gate : spec.objects("readinessGates", "v1.PodReadinessGate")) {
      gates.add(PodReadinessGate.of(gate.string("conditionType")));
    }
    return gates.build();
  }

  private static Container container(ObjectCursor container) {
    container.ignore("command", "args", "workingDir", "envFrom", "env", "resources",
        "resizePolicy", "restartPolicy", "restartPolicyRules", "volumeMounts", "volumeDevices",
        "livenessProbe", "startupProbe", "lifecycle", "terminationMessagePath",
        "terminationMessagePolicy", "imagePullPolicy", "securityContext", "stdin", "stdinOnce",
        "tty");
    ImmutableList.Builder<ContainerPort> ports = ImmutableList.builder();
    for (ObjectCursor port : container.objects("ports", "v1.ContainerPort")) {
      ports.add(port(port));
    }
    Optional<Probe> probe =
        container.optionalObject("readinessProbe", "v1.Probe").map(PodSpecDecoder::probe);
    return new Container(container.string("name"), container.string("image"), ports.build(),
        probe);
  }

  private static ContainerPort port(ObjectCursor port) {
    port.ignore("hostIP");
    Protocol protocol = ProtocolDecoder.decode(port, PROTOCOL_RULE);
    return new ContainerPort(port.string("name"), port.int32("containerPort", 0), protocol,
        port.int32("hostPort", 0));
  }

  private static Probe probe(ObjectCursor probe) {
    probe.ignore("exec", "httpGet", "tcpSocket", "grpc", "terminationGracePeriodSeconds");
    Probe defaults = Probe.defaults();
    return new Probe(
        probe.int32("initialDelaySeconds", defaults.initialDelaySeconds()),
        positiveOr(probe.int32("periodSeconds", 0), defaults.periodSeconds()),
        positiveOr(probe.int32("timeoutSeconds", 0), defaults.timeoutSeconds()),
        positiveOr(probe.int32("successThreshold", 0), defaults.successThreshold()),
        positiveOr(probe.int32("failureThreshold", 0), defaults.failureThreshold()));
  }

  /** Upstream defaults probe timing fields that are zero (unset), not only absent ones. */
  private static int positiveOr(int value, int fallback) {
    return value == 0 ? fallback : value;
  }

  private static String nonEmpty(String value, String fallback) {
    return value.isEmpty() ? fallback : value;
  }
}
