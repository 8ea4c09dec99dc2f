package io.kubenetsim.core.manifest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubenetsim.model.Namespace;

/** Writes a Namespace's {@code status.phase} ({@code Active} or {@code Terminating}). */
final class NamespaceEncoder implements KindEncoder<Namespace> {

  @Override
  public Class<Namespace> type() {
    return Namespace.class;
  }

  @Override
  public boolean namespaced() {
    return false;
  }

  @Override
  public void encode(Namespace namespace, ObjectNode out) {
    TreeOut.putString(out.putObject("status"), "phase", namespace.phase());
  }
}
