package io.kubenetsim;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.model.ObjectRef;

/**
 * What an apply did, one line per object as {@code kubectl apply} prints it
 * ({@code deployment.apps/web created}, {@code pod/debug configured}, {@code … unchanged}).
 */
public record ApplyResult(ImmutableList<Entry> entries) {

  /** One applied object and what happened to it. */
  public record Entry(ObjectRef object, Action action) {
    @Override
    public String toString() {
      String group = switch (object.kind()) {
        case "Deployment", "ReplicaSet" -> ".apps";
        default -> "";
      };
      return object.kind().toLowerCase(java.util.Locale.ROOT) + group + "/" + object.name() + " "
          + action.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** What apply did to one object. */
  public enum Action {
    CREATED,
    CONFIGURED,
    UNCHANGED
  }

  public ApplyResult {
    entries = ImmutableList.copyOf(entries);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    entries.forEach(e -> out.append(e).append('\n'));
    return out.toString();
  }
}
