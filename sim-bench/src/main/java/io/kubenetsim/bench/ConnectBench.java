package io.kubenetsim.bench;

import io.kubenetsim.Cluster;
import io.kubenetsim.Connection;
import io.kubenetsim.KubeSim;
import io.kubenetsim.PodHandle;
import io.kubenetsim.ProxyMode;
import io.kubenetsim.ServiceHandle;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code pod.connect(service, 80)} through the public API, as a test makes connections: the
 * client pod's node's kube-proxy rules, NetworkPolicy's gate and delivery to a backend. A
 * cluster of {@code nodes} nodes with 2 Services of 3 pods per node (so 2,000 Services at 1,000
 * nodes); connections cycle over the Services.
 *
 * <p>{@code clients}: {@code one} client pod makes every connection, or one client pod on
 * {@code every} node takes turns — then each connection's first packet meets a different
 * node's rules, which shows any cost kept per node (rules compiled per node, caches that
 * thrash).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
// A fixed heap touched at start: otherwise the first seconds of measurement pay the kernel's
// first touch of every page of a freshly grown young generation (several times the steady cost
// per operation, for as long as it takes to allocate through it once).
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class ConnectBench {

  @Param({"100"})
  public int nodes;

  @Param({"IPVS", "IPTABLES", "NFTABLES"})
  public ProxyMode mode;

  @Param({"one", "every"})
  public String clients;

  private PodHandle[] clientPods;
  private ServiceHandle[] services;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    Cluster c = KubeSim.cluster().nodes(nodes).seed(1).proxyMode(mode)
        .clusterCidr("100.64.0.0/10", 24).maxSettleEvents(Long.MAX_VALUE).build();
    c.createNamespace("scale");
    services = new ServiceHandle[nodes * 2];
    for (int i = 0; i < services.length; i++) {
      c.deployment("scale/app" + i).replicas(3).label("app", "app" + i)
          .containerPort("http", 8080).create();
      services[i] = c.service("scale/app" + i).selector("app", "app" + i)
          .port("http", 80, "http").create();
    }
    int count = clients.equals("every") ? nodes : 1;
    clientPods = new PodHandle[count];
    for (int i = 0; i < count; i++) {
      clientPods[i] = c.pod("scale/client" + i).nodeName("node-" + (i + 1)).create();
    }
    c.settle();
    if (!clientPods[count - 1].connect(services[0], 80).isEstablished()) {
      throw new IllegalStateException("the first connection was not established");
    }
    System.gc();
  }

  @Benchmark
  public Connection connect() {
    int i = next++;
    Connection connection = clientPods[i % clientPods.length]
        .connect(services[i % services.length], 80);
    connection.close();
    return connection;
  }
}
// How to run: mvn -B -q -o package -DskipTests -pl sim-bench -am &&
//   java -jar sim-bench/target/benchmarks.jar ConnectBench -p nodes=1000
