package io.kubenetsim.jqwik;

import io.kubenetsim.model.Container;
import io.kubenetsim.model.ContainerPort;
import io.kubenetsim.model.Deployment;
import io.kubenetsim.model.IntOrString;
import io.kubenetsim.model.LabelSelector;
import io.kubenetsim.model.LabelSelectorRequirement;
import io.kubenetsim.model.Namespace;
import io.kubenetsim.model.NetworkPolicy;
import io.kubenetsim.model.NetworkPolicyPeer;
import io.kubenetsim.model.NetworkPolicyPort;
import io.kubenetsim.model.NetworkPolicyRule;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.Pod;
import io.kubenetsim.model.PodSpec;
import io.kubenetsim.model.Service;
import io.kubenetsim.model.ServicePort;
import io.kubenetsim.model.ServiceSpec;
import io.kubenetsim.net.Protocol;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects a generator makes, as the maps a manifest holds ({@link YamlText} writes them):
 * only the fields a user writes — set fields, no status, nothing the API server fills — in the
 * order kubectl prints them. Handles exactly what the generators produce: Namespaces,
 * Deployments, bare Pods, Services and NetworkPolicies.
 */
final class ManifestTrees {
  private ManifestTrees() {}

  static Map<String, Object> namespace(Namespace namespace) {
    return object("v1", Namespace.KIND, metadata(namespace.metadata()));
  }

  static Map<String, Object> deployment(Deployment deployment) {
    Map<String, Object> template = new LinkedHashMap<>();
    template.put("metadata", metadata(deployment.spec().template().metadata()));
    template.put("spec", podSpec(deployment.spec().template().spec()));
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("replicas", deployment.spec().replicas());
    spec.put("selector", selector(deployment.spec().selector()));
    spec.put("template", template);
    Map<String, Object> tree = object("apps/v1", Deployment.KIND,
        metadata(deployment.metadata()));
    tree.put("spec", spec);
    return tree;
  }

  static Map<String, Object> pod(Pod pod) {
    Map<String, Object> tree = object("v1", Pod.KIND, metadata(pod.metadata()));
    tree.put("spec", podSpec(pod.spec()));
    return tree;
  }

  static Map<String, Object> service(Service service) {
    ServiceSpec s = service.spec();
    Map<String, Object> spec = new LinkedHashMap<>();
    putIfSet(spec, "type", s.type());
    putIfSet(spec, "clusterIP", s.clusterIP());
    putIfSet(spec, "externalName", s.externalName());
    if (!s.selector().isEmpty()) {
      spec.put("selector", new LinkedHashMap<>(s.selector()));
    }
    if (!s.ports().isEmpty()) {
      spec.put("ports", s.ports().stream().map(ManifestTrees::servicePort).toList());
    }
    putIfSet(spec, "sessionAffinity", s.sessionAffinity());
    s.sessionAffinityTimeoutSeconds().ifPresent(timeout -> spec.put("sessionAffinityConfig",
        one("clientIP", one("timeoutSeconds", timeout))));
    putIfSet(spec, "externalTrafficPolicy", s.externalTrafficPolicy());
    putIfSet(spec, "internalTrafficPolicy", s.internalTrafficPolicy());
    Map<String, Object> tree = object("v1", Service.KIND, metadata(service.metadata()));
    tree.put("spec", spec);
    return tree;
  }

  static Map<String, Object> networkPolicy(NetworkPolicy policy) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("podSelector", selector(policy.spec().podSelector()));
    if (!policy.spec().policyTypes().isEmpty()) {
      spec.put("policyTypes", policy.spec().policyTypes());
    }
    if (!policy.spec().ingress().isEmpty()) {
      spec.put("ingress", rules(policy.spec().ingress(), "from"));
    }
    if (!policy.spec().egress().isEmpty()) {
      spec.put("egress", rules(policy.spec().egress(), "to"));
    }
    Map<String, Object> tree = object(NetworkPolicy.API_VERSION, NetworkPolicy.KIND,
        metadata(policy.metadata()));
    tree.put("spec", spec);
    return tree;
  }

  private static Map<String, Object> object(String apiVersion, String kind,
      Map<String, Object> metadata) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("apiVersion", apiVersion);
    tree.put("kind", kind);
    tree.put("metadata", metadata);
    return tree;
  }

  private static Map<String, Object> metadata(ObjectMeta meta) {
    Map<String, Object> tree = new LinkedHashMap<>();
    putIfSet(tree, "name", meta.name());
    putIfSet(tree, "namespace", meta.namespace());
    if (!meta.labels().isEmpty()) {
      tree.put("labels", new LinkedHashMap<>(meta.labels().asMap()));
    }
    return tree;
  }

  private static Map<String, Object> podSpec(PodSpec spec) {
    return one("containers", spec.containers().stream().map(ManifestTrees::container).toList());
  }

  private static Map<String, Object> container(Container container) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("name", container.name());
    tree.put("image", container.image());
    if (!container.ports().isEmpty()) {
      tree.put("ports", container.ports().stream().map(ManifestTrees::containerPort).toList());
    }
    return tree;
  }

  private static Map<String, Object> containerPort(ContainerPort port) {
    Map<String, Object> tree = new LinkedHashMap<>();
    putIfSet(tree, "name", port.name());
    tree.put("containerPort", port.containerPort());
    putProtocol(tree, port.protocol());
    return tree;
  }

  private static Map<String, Object> servicePort(ServicePort port) {
    Map<String, Object> tree = new LinkedHashMap<>();
    putIfSet(tree, "name", port.name());
    putProtocol(tree, port.protocol());
    tree.put("port", port.port());
    tree.put("targetPort", intOrString(port.targetPort()));
    return tree;
  }

  private static Map<String, Object> selector(LabelSelector selector) {
    Map<String, Object> tree = new LinkedHashMap<>();
    if (!selector.matchLabels().isEmpty()) {
      tree.put("matchLabels", new LinkedHashMap<>(selector.matchLabels()));
    }
    if (!selector.matchExpressions().isEmpty()) {
      tree.put("matchExpressions", selector.matchExpressions().stream()
          .map(ManifestTrees::requirement).toList());
    }
    return tree;
  }

  private static Map<String, Object> requirement(LabelSelectorRequirement requirement) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("key", requirement.key());
    tree.put("operator", requirement.operator());
    if (!requirement.values().isEmpty()) {
      tree.put("values", requirement.values());
    }
    return tree;
  }

  private static List<Map<String, Object>> rules(List<NetworkPolicyRule> rules, String peers) {
    return rules.stream().map(rule -> {
      Map<String, Object> tree = new LinkedHashMap<>();
      if (!rule.peers().isEmpty()) {
        tree.put(peers, rule.peers().stream().map(ManifestTrees::peer).toList());
      }
      if (!rule.ports().isEmpty()) {
        tree.put("ports", rule.ports().stream().map(ManifestTrees::policyPort).toList());
      }
      return tree;
    }).toList();
  }

  private static Map<String, Object> peer(NetworkPolicyPeer peer) {
    Map<String, Object> tree = new LinkedHashMap<>();
    peer.podSelector().ifPresent(s -> tree.put("podSelector", selector(s)));
    peer.namespaceSelector().ifPresent(s -> tree.put("namespaceSelector", selector(s)));
    peer.ipBlock().ifPresent(block -> {
      Map<String, Object> ipBlock = new LinkedHashMap<>();
      ipBlock.put("cidr", block.cidr());
      if (!block.except().isEmpty()) {
        ipBlock.put("except", block.except());
      }
      tree.put("ipBlock", ipBlock);
    });
    return tree;
  }

  private static Map<String, Object> policyPort(NetworkPolicyPort port) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("protocol", port.protocol().toString());
    port.port().ifPresent(p -> tree.put("port", intOrString(p)));
    port.endPort().ifPresent(end -> tree.put("endPort", end));
    return tree;
  }

  private static Object intOrString(IntOrString value) {
    return value.isInt() ? value.intValue().get() : value.stringValue().get();
  }

  private static void putProtocol(Map<String, Object> tree, Protocol protocol) {
    if (protocol != Protocol.TCP) {
      tree.put("protocol", protocol.toString());
    }
  }

  /** A map of one entry, as a {@code LinkedHashMap}: {@code Map.of}'s order is not to be iterated. */
  private static Map<String, Object> one(String key, Object value) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put(key, value);
    return tree;
  }

  private static void putIfSet(Map<String, Object> tree, String key, String value) {
    if (!value.isEmpty()) {
      tree.put(key, value);
    }
  }
}
