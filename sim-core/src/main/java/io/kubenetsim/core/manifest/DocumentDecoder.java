package io.kubenetsim.core.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubenetsim.manifest.ManifestSource;
import io.kubenetsim.model.KubernetesObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns one parsed document into objects or problems, in kubectl's order of checks:
 *
 * <ol>
 *   <li>the document must be a mapping with {@code apiVersion} and {@code kind} strings
 *       (kubectl's client-side {@code getObjectKind});
 *   <li>a {@code v1 List} expands into its items, each checked the same way;
 *   <li>the apiVersion and kind must have a registered decoder ("resource mapping");
 *   <li>the decoder reads the document; type errors, unknown and duplicate fields and
 *       decode-stage field errors are all reported, each on its own line.
 * </ol>
 */
final class DocumentDecoder {
  private final KindRegistry kinds;

  DocumentDecoder(KindRegistry kinds) {
    this.kinds = kinds;
  }

  void decode(JsonNode tree, List<String> duplicates, ManifestSource source, ReadBatch out) {
    if (!tree.isObject()) {
      out.validationError(source, "invalid object to validate");
      return;
    }
    ObjectNode object = (ObjectNode) tree;
    List<String> kindErrors = new ArrayList<>();
    checkString(object, "apiVersion", kindErrors);
    checkString(object, "kind", kindErrors);
    if (!kindErrors.isEmpty()) {
      out.validationError(source, kindErrors.size() == 1 ? kindErrors.get(0)
          : "[" + String.join(", ", kindErrors) + "]");
      return;
    }
    String apiVersion = object.get("apiVersion").textValue();
    String kind = object.get("kind").textValue();
    if (apiVersion.equals("v1") && kind.equals("List")) {
      decodeList(object, duplicates, source, out);
      return;
    }
    decodeObject(object, apiVersion, kind, duplicates, source, out);
  }

  private void decodeList(ObjectNode list, List<String> duplicates, ManifestSource source,
      ReadBatch out) {
    JsonNode items = list.get("items");
    if (items == null || items.isNull()) {
      return;
    }
    if (!items.isArray()) {
      out.validationError(source, "invalid object to validate");
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      String prefix = "items[" + i + "].";
      List<String> itemDuplicates = new ArrayList<>();
      for (String path : duplicates) {
        if (path.startsWith(prefix)) {
          itemDuplicates.add(path.substring(prefix.length()));
        }
      }
      decode(items.get(i), itemDuplicates, source, out);
    }
  }

  private void decodeObject(ObjectNode object, String apiVersion, String kind,
      List<String> duplicates, ManifestSource source, ReadBatch out) {
    String namespace = metadataString(object, "namespace");
    String name = metadataString(object, "name");
    if (KubeProxyConfigReader.isKubeProxyConfiguration(apiVersion, kind)) {
      return; // configures kube-proxy itself, not the API; read by KubeProxyConfigReader.find
    }
    Optional<KindDecoder<?>> decoder = kinds.decoder(apiVersion, kind);
    if (decoder.isEmpty()) {
      out.mappingError(source, apiVersion, kind, namespace, name);
      return;
    }
    DecodeContext context = new DecodeContext(apiVersion, kind);
    duplicates.forEach(context::duplicateField);
    ObjectCursor root = new ObjectCursor(object, kind, "", "", context);
    root.ignore("apiVersion", "kind");
    KubernetesObject result;
    try {
      result = decoder.get().decode(root);
    } catch (IllegalArgumentException e) {
      out.decodeError(source, kind, namespace, name, e.getMessage());
      return;
    }
    List<String> messages = context.finish();
    if (messages.isEmpty()) {
      out.document(source, result);
    } else {
      messages.forEach(m -> out.decodeError(source, kind, namespace, name, m));
    }
  }

  private static void checkString(ObjectNode object, String field, List<String> errors) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull() || (value.isTextual() && value.textValue().isEmpty())) {
      errors.add(field + " not set");
    } else if (!value.isTextual()) {
      errors.add(field + " isn't string type");
    }
  }

  private static String metadataString(ObjectNode object, String field) {
    JsonNode value = object.path("metadata").path(field);
    return value.isTextual() ? value.textValue() : "";
  }
}
