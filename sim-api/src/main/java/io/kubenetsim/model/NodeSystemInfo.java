package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

/** {@code Node.status.nodeInfo}: what {@code kubectl get nodes -o wide} prints. */
public record NodeSystemInfo(
    String kubeletVersion, String osImage, String kernelVersion, String containerRuntimeVersion) {

  public NodeSystemInfo {
    checkArgument(kubeletVersion != null && osImage != null && kernelVersion != null
        && containerRuntimeVersion != null, "node info parts must not be null");
  }

  /** {@return the info a simulated node reports} */
  public static NodeSystemInfo simulated() {
    return new NodeSystemInfo("v1.34.0", "kube-netsim virtual node", "6.1.0-kube-netsim",
        "containerd://2.1.0");
  }
}
