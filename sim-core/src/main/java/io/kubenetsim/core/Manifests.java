package io.kubenetsim.core;

import io.kubenetsim.Cluster;
import io.kubenetsim.core.kubectl.KubectlCommand;
import io.kubenetsim.core.kubectl.ObjectFormatter;
import io.kubenetsim.core.store.AtomicApply;
import java.nio.file.Path;
import java.util.List;

/** Placeholder until the manifest reader and kubectl land (replaced during integration). */
class Manifests {
  List<AtomicApply.Item> read(Path[] files, String namespace) {
    throw new UnsupportedOperationException("manifests are not wired yet");
  }

  List<AtomicApply.Item> read(String text, String namespace) {
    throw new UnsupportedOperationException("manifests are not wired yet");
  }

  private KubectlCommand kubectl;

  KubectlCommand kubectl(Cluster cluster) {
    if (kubectl == null) {
      kubectl = new KubectlCommand(cluster, ObjectFormatter.unavailable());
    }
    return kubectl;
  }
}
