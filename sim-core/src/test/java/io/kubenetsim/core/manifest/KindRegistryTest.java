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
 * Adding a kind takes one decoder and one encoder: this test registers a Secret-like kind
 * and checks it reads (with strict decoding and the shared metadata decoder) and writes.
 */
class KindRegistryTest {

  /** A test-only kind: {@code v1 Secret} with string data (not a built-in kind yet). */
  record Secret(ObjectMeta metadata, java.util.SortedMap<String, String> data)
      implements KubernetesObject {
    @Override
    public String kind() {
      return "Secret";
    }

    @Override
    public String apiVersion() {
      return "v1";
    }

    @Override
    public KubernetesObject withMetadata(ObjectMeta newMetadata) {
      return new Secret(newMetadata, data);
    }
  }

  static final class SecretDecoder implements KindDecoder<Secret> {
    @Override
    public String apiVersion() {
      return "v1";
    }

    @Override
    public String kind() {
      return "Secret";
    }

    @Override
    public boolean namespaced() {
      return true;
    }

    @Override
    public Secret decode(ObjectCursor root) {
      return new Secret(ObjectMetaDecoder.decode(root.object("metadata", "v1.ObjectMeta"), true),
          root.stringMap("data"));
    }
  }

  static final class SecretEncoder implements KindEncoder<Secret> {
    @Override
    public Class<Secret> type() {
      return Secret.class;
    }

    @Override
    public boolean namespaced() {
      return true;
    }

    @Override
    public void encode(Secret object, ObjectNode out) {
      object.data().forEach(out.putObject("data")::put);
    }
  }

  private final KindRegistry kinds = KindRegistry.defaults()
      .withDecoder(new SecretDecoder()).withEncoder(new SecretEncoder());

  @Test
  void registeredKindIsReadAndWritten() {
    String text = "apiVersion: v1\nkind: Secret\nmetadata: {name: cfg, namespace: shop}\n"
        + "data: {b: \"2\", a: x}\n";
    List<ManifestDocument> docs = new ManifestReader(kinds).read(text, "secret.yaml");
    Secret map = (Secret) docs.get(0).object();
    assertEquals("shop", map.metadata().namespace());
    assertEquals(List.of("a", "b"), List.copyOf(map.data().keySet()));
    assertEquals("apiVersion: v1\ndata:\n  a: x\n  b: \"2\"\nkind: Secret\nmetadata:\n"
        + "  name: cfg\n  namespace: shop\n", new ManifestWriter(kinds).toYaml(map));
  }

  @Test
  void registeredKindGetsStrictDecodingForFree() {
    String text = "apiVersion: v1\nkind: Secret\nmetadata: {name: cfg}\ndatta: {}\n";
    ManifestDecodeException e = assertThrows(ManifestDecodeException.class,
        () -> new ManifestReader(kinds).read(text, "secret.yaml"));
    assertTrue(e.getMessage().endsWith("strict decoding error: unknown field \"datta\""),
        e.getMessage());
  }

  @Test
  void defaultRegistryDoesNotKnowTheKind() {
    String text = "apiVersion: v1\nkind: Secret\nmetadata: {name: cfg}\n";
    ManifestDecodeException e = assertThrows(ManifestDecodeException.class,
        () -> new ManifestReader().read(text, "secret.yaml"));
    assertTrue(e.getMessage().startsWith("resource mapping not found"), e.getMessage());
  }

  @Test
  void registeringAKindTwiceIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> kinds.withDecoder(new SecretDecoder()));
    assertEquals("a decoder for v1 Secret is already registered", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> kinds.withEncoder(new SecretEncoder()));
  }
}
