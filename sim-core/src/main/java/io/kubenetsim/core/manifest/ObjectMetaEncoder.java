package io.kubenetsim.core.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubenetsim.model.ObjectMeta;
import io.kubenetsim.model.OwnerReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code metadata} as kube-apiserver returns it: {@code resourceVersion} as a string,
 * {@code generation} when non-zero, timestamps in RFC 3339, empty fields omitted, and no {@code
 * namespace} for cluster-scoped objects.
 */
final class ObjectMetaEncoder {

  private ObjectMetaEncoder() {}

  static ObjectNode encode(ObjectMeta meta, boolean namespaced) {
    ObjectNode out = TreeOut.object();
    TreeOut.putString(out, "name", meta.name());
    TreeOut.putString(out, "generateName", meta.generateName());
    if (namespaced) {
      TreeOut.putString(out, "namespace", meta.namespace());
    }
    TreeOut.putString(out, "uid", meta.uid());
    if (meta.resourceVersion() != 0) {
      out.put("resourceVersion", String.valueOf(meta.resourceVersion()));
    }
    TreeOut.putNumber(out, "generation", meta.generation());
    meta.creationTimestamp().ifPresent(t -> out.put("creationTimestamp", TreeOut.time(t)));
    meta.deletionTimestamp().ifPresent(t -> out.put("deletionTimestamp", TreeOut.time(t)));
    meta.deletionGracePeriodSeconds().ifPresent(s -> out.put("deletionGracePeriodSeconds", s));
    TreeOut.putMap(out, "labels", meta.labels().asMap());
    TreeOut.putMap(out, "annotations", meta.annotations());
    List<ObjectNode> owners = new ArrayList<>();
    for (OwnerReference owner : meta.ownerReferences()) {
      ObjectNode node = TreeOut.object();
      node.put("apiVersion", owner.apiVersion());
      node.put("kind", owner.kind());
      node.put("name", owner.name());
      node.put("uid", owner.uid());
      if (owner.controller()) {
        node.put("controller", true);
      }
      owners.add(node);
    }
    TreeOut.putObjects(out, "ownerReferences", owners);
    return out;
  }
}
