package io.kubenetsim.junit;

import io.kubenetsim.CloudProvider;
import io.kubenetsim.NetworkPolicyEnforcement;
import io.kubenetsim.ProxyMode;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class (or method) whose tests each get a fresh, settled {@link io.kubenetsim.Cluster}
 * as a parameter, built as the attributes say. A method's annotation overrides its class's.
 *
 * <pre>{@code
 * @KubeSimTest(nodes = 3, seed = 42, namespaces = "shop", manifests = "shop.yaml")
 * class ShopTest {
 *   @Test
 *   void clientReachesWeb(Cluster c) {
 *     assertThat(c).pod("shop/client").canReach("svc/shop/web", 80);
 *   }
 * }
 * }</pre>
 *
 * <p>When a test fails, its report gains the seed and how to replay it, the tail of the
 * cluster's event log and the last connection's {@code explain()}. For full control over the
 * cluster, register {@link KubeSimExtension#builder()} with {@code @RegisterExtension} instead
 * (not both: two extensions would compete to supply the cluster).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(KubeSimExtension.class)
public @interface KubeSimTest {

  /** How many nodes ({@code node-1} …) the cluster starts with. */
  int nodes() default 3;

  /** The seed every random choice of the cluster derives from: names, IPs, picks. */
  long seed() default 1;

  /** kube-proxy's mode on every node. */
  ProxyMode proxyMode() default ProxyMode.IPVS;

  /** Namespaces to create before the manifests are applied. */
  String[] namespaces() default {};

  /**
   * Manifests to apply, as class-path resources ({@code shop.yaml} next to the test class's
   * package root, or {@code /abs/path.yaml}); each is applied atomically, in order, then the
   * cluster is settled.
   */
  String[] manifests() default {};

  /** Whether LoadBalancer Services get an address from a simulated cloud. */
  CloudProvider cloudProvider() default CloudProvider.SIMULATED;

  /** Whether the network plugin enforces NetworkPolicies. */
  NetworkPolicyEnforcement networkPolicy() default NetworkPolicyEnforcement.ENFORCE;

  /** How many of the last events a failing test's report shows. */
  int reportEvents() default 20;
}
