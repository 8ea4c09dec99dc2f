package io.kubenetsim.core.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubenetsim.model.Container;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.PodDNSConfig;
import io.kubenetsim.model.PodSpec;
import io.kubenetsim.model.PodTemplateSpec;
import io.kubenetsim.model.Probe;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code v1.PodSpec} (shared by Pods and workload templates) and {@code
 * v1.PodTemplateSpec}, omitting empty fields as Go's {@code omitempty} does; {@code containers}
 * and {@code terminationGracePeriodSeconds} are always written, as upstream does.
 */
final class PodSpecEncoder {

  private PodSpecEncoder() {}

  static ObjectNode template(PodTemplateSpec template) {
    ObjectNode out = TreeOut.object();
    out.set("metadata", ObjectMetaEncoder.encode(template.metadata(), false));
    out.set("spec", encode(template.spec()));
    return out;
  }

  static ObjectNode encode(PodSpec spec) {
    ObjectNode out = TreeOut.object();
    List<ObjectNode> containers = new ArrayList<>();
    spec.containers().forEach(c -> containers.add(container(c)));
    out.putArray("containers").addAll(containers);
    spec.dnsConfig().ifPresent(config -> out.set("dnsConfig", dnsConfig(config)));
    out.put("dnsPolicy", spec.dnsPolicy().toString());
    if (spec.hostNetwork()) {
      out.put("hostNetwork", true);
    }
    TreeOut.putString(out, "hostname", spec.hostname());
    TreeOut.putString(out, "nodeName", spec.nodeName());
    List<ObjectNode> gates = new ArrayList<>();
    spec.readinessGates().forEach(g -> gates.add(TreeOut.object()
        .put("conditionType", g.conditionType())));
    TreeOut.putObjects(out, "readinessGates", gates);
    TreeOut.putString(out, "restartPolicy", spec.restartPolicy());
    TreeOut.putString(out, "subdomain", spec.subdomain());
    out.put("terminationGracePeriodSeconds", spec.terminationGracePeriodSeconds());
    return out;
  }

  /** {@code dnsConfig}, written even when empty ({@code {}}), as a set pointer is. */
  private static ObjectNode dnsConfig(PodDNSConfig config) {
    ObjectNode out = TreeOut.object();
    TreeOut.putStrings(out, "nameservers", config.nameservers());
    List<ObjectNode> options = new ArrayList<>();
    config.options().forEach(o -> {
      ObjectNode option = TreeOut.object();
      TreeOut.putString(option, "name", o.name());
      o.value().ifPresent(v -> option.put("value", v));
      options.add(option);
    });
    TreeOut.putObjects(out, "options", options);
    TreeOut.putStrings(out, "searches", config.searches());
    return out;
  }

  private static ObjectNode container(Container container) {
    ObjectNode out = TreeOut.object();
    out.put("name", container.name());
    TreeOut.putString(out, "image", container.image());
    List<ObjectNode> ports = new ArrayList<>();
    container.ports().forEach(p -> ports.add(port(p)));
    TreeOut.putObjects(out, "ports", ports);
    container.readinessProbe().ifPresent(p -> out.set("readinessProbe", probe(p)));
    return out;
  }

  private static ObjectNode port(ContainerPort port) {
    ObjectNode out = TreeOut.object();
    out.put("containerPort", port.containerPort());
    TreeOut.putNumber(out, "hostPort", port.hostPort());
    TreeOut.putString(out, "name", port.name());
    out.put("protocol", port.protocol().name());
    return out;
  }

  private static ObjectNode probe(Probe probe) {
    ObjectNode out = TreeOut.object();
    TreeOut.putNumber(out, "initialDelaySeconds", probe.initialDelaySeconds());
    TreeOut.putNumber(out, "periodSeconds", probe.periodSeconds());
    TreeOut.putNumber(out, "timeoutSeconds", probe.timeoutSeconds());
    TreeOut.putNumber(out, "successThreshold", probe.successThreshold());
    TreeOut.putNumber(out, "failureThreshold", probe.failureThreshold());
    return out;
  }
}
