package io.kubenetsim.core.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubenetsim.model.KubernetesObject;
import io.kubenetsim.model.ObjectMeta;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Adding a kind takes one decoder and one encoder: this test registers a ConfigMap-like kind
 * and checks it reads (with strict decoding and the shared metadata decoder) and writes.
 */
class KindRegistryTest {

  /** A test-only kind: {@code v1 ConfigMap} with string data. */
  record ConfigMap(ObjectMeta metadata, java.util.SortedMap<String, String> data)
      implements KubernetesObject {
    @Override
    public String kind() {
      return "ConfigMap";
    }

    @Override
    public String apiVersion() {
      return "v1";
    }

    @Override
    public KubernetesObject withMetadata(ObjectMeta newMetadata) {
      return new ConfigMap(newMetadata, data);
    }
  }

  static final class ConfigMapDecoder implements KindDecoder<ConfigMap> {
    @Override
    public String apiVersion() {
      return "v1";
    }

    @Override
    public String kind() {
      return "ConfigMap";
    }

    @Override
    public boolean namespaced() {
      return true;
    }

    @Override
    public ConfigMap decode(ObjectCursor root) {
      return new ConfigMap(ObjectMetaDecoder.decode(root.object("metadata", "v1.ObjectMeta"), true),
          root.stringMap("data"));
    }
  }

  static final class ConfigMapEncoder implements KindEncoder<ConfigMap> {
    @Override
    public Class<ConfigMap> type() {
      return ConfigMap.class;
    }

    @Override
    public boolean namespaced() {
      return true;
    }

    @Override
    public void encode(ConfigMap object, ObjectNode out) {
      object.data().forEach(out.putObject("data")::put);
    }
  }

  private final KindRegistry kinds = KindRegistry.defaults()
      .withDecoder(new ConfigMapDecoder()).withEncoder(new ConfigMapEncoder());

  @Test
  void registeredKindIsReadAndWritten() {
    String text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg, namespace: shop}\n"
        + "data: {b: \"2\", a: x}\n";
    List<ManifestDocument> docs = new ManifestReader(kinds).read(text, "cm.yaml");
    ConfigMap map = (ConfigMap) docs.get(0).object();
    assertEquals("shop", map.metadata().namespace());
    assertEquals(List.of("a", "b"), List.copyOf(map.data().keySet()));
    assertEquals("apiVersion: v1\ndata:\n  a: x\n  b: \"2\"\nkind: ConfigMap\nmetadata:\n"
        + "  name: cfg\n  namespace: shop\n", new ManifestWriter(kinds).toYaml(map));
  }

  @Test
  void registeredKindGetsStrictDecodingForFree() {
    String text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndatta: {}\n";
    ManifestDecodeException e = assertThrows(ManifestDecodeException.class,
        () -> new ManifestReader(kinds).read(text, "cm.yaml"));
    assertTrue(e.getMessage().endsWith("strict decoding error: unknown field \"datta\""),
        e.getMessage());
  }

  @Test
  void defaultRegistryDoesNotKnowTheKind() {
    String text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\n";
    ManifestDecodeException e = assertThrows(ManifestDecodeException.class,
        () -> new ManifestReader().read(text, "cm.yaml"));
    assertTrue(e.getMessage().startsWith("resource mapping not found"), e.getMessage());
  }

  @Test
  void registeringAKindTwiceIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> kinds.withDecoder(new ConfigMapDecoder()));
    assertEquals("a decoder for v1 ConfigMap is already registered", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> kinds.withEncoder(new ConfigMapEncoder()));
  }
}
