package io.kubenetsim.core.kubectl;

import io.kubenetsim.model.KubernetesObject;
import java.util.List;

/**
 * Renders API objects for {@code -o json} and {@code -o yaml}. The kubectl package only needs
 * this seam; the manifest package's writer is adapted to it where a {@link KubectlCommand} is
 * built, which keeps the kubectl views free of any serialization library.
 *
 * <p>Contract of {@link #json} and {@link #yaml}, as {@code kubectl get}'s {@code printGeneric}:
 * when {@code single} is true, {@code items} holds exactly one object and the output is that
 * object alone; otherwise the output is a {@code {"apiVersion": "v1", "items": [...], "kind":
 * "List", "metadata": {"resourceVersion": ""}}} wrapper, also when {@code items} is empty.
 *
 * <p>Contract of {@link #appliedJson} and {@link #appliedYaml}, as {@code kubectl apply}'s
 * {@code printObjects}: one object alone, several in a typed {@code v1 List} ({@code
 * corev1.List}), whose JSON keeps Go's struct order {@code {"kind": "List", "apiVersion": "v1",
 * "metadata": {}, "items": [...]}} (YAML sorts the keys, as always).
 *
 * <p>Output ends with a newline and is the same for the same objects.
 *
 * <pre>{@code
 * ObjectFormatter formatter = new ObjectFormatter() {
 *   public String json(List<? extends KubernetesObject> items, boolean single) { ... }
 *   public String yaml(List<? extends KubernetesObject> items, boolean single) { ... }
 *   public String appliedJson(List<? extends KubernetesObject> items) { ... }
 *   public String appliedYaml(List<? extends KubernetesObject> items) { ... }
 * };
 * }</pre>
 */
public interface ObjectFormatter {

  /** {@return the objects as JSON: the object itself when {@code single}, else a List} */
  String json(List<? extends KubernetesObject> items, boolean single);

  /** {@return the objects as YAML: the object itself when {@code single}, else a List} */
  String yaml(List<? extends KubernetesObject> items, boolean single);

  /** {@return non-empty {@code items} as {@code kubectl apply -o json} prints them} */
  String appliedJson(List<? extends KubernetesObject> items);

  /** {@return non-empty {@code items} as {@code kubectl apply -o yaml} prints them} */
  String appliedYaml(List<? extends KubernetesObject> items);

  /**
   * {@return a formatter that refuses both formats with a usage error} For wiring a {@link
   * KubectlCommand} before a real writer is available; table and name output still work.
   */
  static ObjectFormatter unavailable() {
    return new ObjectFormatter() {
      @Override
      public String json(List<? extends KubernetesObject> items, boolean single) {
        throw CommandException.usage("error: -o json is not available in this build");
      }

      @Override
      public String yaml(List<? extends KubernetesObject> items, boolean single) {
        throw CommandException.usage("error: -o yaml is not available in this build");
      }

      @Override
      public String appliedJson(List<? extends KubernetesObject> items) {
        return json(items, items.size() == 1);
      }

      @Override
      public String appliedYaml(List<? extends KubernetesObject> items) {
        return yaml(items, items.size() == 1);
      }
    };
  }
}
