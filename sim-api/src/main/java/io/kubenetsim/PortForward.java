package io.kubenetsim;

/**
 * {@code kubectl port-forward}: a local port on a workstation forwarded straight to one pod,
 * through the API server and the kubelet — bypassing kube-proxy, the ClusterIP, load balancing,
 * session affinity and NetworkPolicy. For a Service, kubectl picks one pod once and every
 * connection goes to it for the life of the forward. Not for implementation outside
 * io.kubenetsim.
 */
public interface PortForward {

  /** {@return the local port on the workstation} */
  int localPort();

  /** {@return the pod it forwards to, as {@code namespace/name}} */
  String pod();

  /** {@return the pod port it forwards to (a Service's targetPort resolved on that pod)} */
  int podPort();

  /** Connects from the workstation to {@code localhost:localPort}, i.e. to the pod's port. */
  Connection connect();
}
