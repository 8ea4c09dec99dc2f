// Example 01: pods are ephemeral. Delete a Deployment's pod and its ReplicaSet makes a new pod
// with a new name and a new IP, so nothing should remember a pod's IP. Run with main().
package io.kubenetsim.examples;

import io.kubenetsim.Cluster;
import io.kubenetsim.DeploymentHandle;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;

/**
 * Example 01, pods are ephemeral: a three-replica Deployment, one pod deleted, and the
 * replacement the ReplicaSet creates has another name and another IP from its node's range.
 */
public final class E01PodsAreEphemeral {
  /** What happened: the deleted pod and the pod that replaced it. */
  public record Story(String oldName, String oldIp, String newName, String newIp) {}

  private E01PodsAreEphemeral() {}

  public static void main(String[] args) {
    run(System.out);
  }

  /** Tells the story on {@code out}; {@return the names and IPs, for tests} */
  public static Story run(PrintStream out) {
    Cluster c = KubeSim.cluster().nodes(3).seed(42).build();
    c.createNamespace("shop");
    DeploymentHandle web = c.deployment("shop/web").replicas(3).label("app", "web")
        .image("nginx:1.27").containerPort("http", 8080).create();
    c.settle();
    out.println("A Deployment with three pods, each with an IP from its node's /24:");
    out.print(c.kubectl("get pods -n shop -o wide"));

    Set<String> before = new HashSet<>();
    web.pods().forEach(p -> before.add(p.name()));
    PodHandle victim = web.pods().get(0);
    String oldName = victim.name();
    String oldIp = victim.ip().orElseThrow();
    out.printf("%nDelete %s (IP %s). It terminates gracefully; the ReplicaSet notices the "
        + "missing replica and creates another.%n", oldName, oldIp);
    victim.delete();
    c.settle();

    PodHandle replacement = web.pods().stream().filter(p -> !before.contains(p.name()))
        .findFirst().orElseThrow(() -> new IllegalStateException("no replacement pod"));
    String newIp = replacement.ip().orElseThrow();
    out.print(c.kubectl("get pods -n shop -o wide"));
    out.printf("%nThe replacement is %s with IP %s, not %s: whatever remembered %s now reaches "
        + "nobody. That is why clients use a Service, not a pod IP.%n",
        replacement.name(), newIp, oldIp, oldIp);
    return new Story(oldName, oldIp, replacement.name(), newIp);
  }
}
