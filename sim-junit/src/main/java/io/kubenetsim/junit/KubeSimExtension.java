package io.kubenetsim.junit;

import io.kubenetsim.CloudProvider;
import io.kubenetsim.Cluster;
import io.kubenetsim.ClusterBuilder;
import io.kubenetsim.NetworkPolicyEnforcement;
import io.kubenetsim.ProxyMode;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Supplies each test a fresh, settled {@link Cluster} (a parameter of the test method, or of its
 * {@code @BeforeEach} and {@code @AfterEach} methods, which share the test's cluster) and, when
 * the test fails, attaches a {@link KubeSimReport}: the seed and how to replay it, the last
 * events, the last connection explained.
 *
 * <p>Configured by {@link KubeSimTest}, or registered with full control:
 *
 * <pre>{@code
 * @RegisterExtension
 * static KubeSimExtension sim = KubeSimExtension.builder().nodes(5).seed(7)
 *     .proxyMode(ProxyMode.IPTABLES).manifests("shop.yaml")
 *     .customize(b -> b.informerLag(Duration.ofMillis(50))).build();
 * }</pre>
 */
public final class KubeSimExtension implements ParameterResolver, TestExecutionExceptionHandler,
    LifecycleMethodExecutionExceptionHandler {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(KubeSimExtension.class);
  private static final ClusterRecipe DEFAULTS = ClusterRecipe.of(Defaults.class
      .getAnnotation(KubeSimTest.class));

  /** Registered by a builder; empty when {@link KubeSimTest} configures the extension. */
  private final Optional<ClusterRecipe> registered;

  /** The extension as {@link KubeSimTest} registers it: configured by the annotation. */
  public KubeSimExtension() {
    this.registered = Optional.empty();
  }

  private KubeSimExtension(ClusterRecipe recipe) {
    this.registered = Optional.of(recipe);
  }

  /** {@return a builder of an extension to register with {@code @RegisterExtension}} */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    // Methods only: a constructor would share one cluster among a class's tests.
    return parameter.getParameter().getType() == Cluster.class
        && parameter.getDeclaringExecutable() instanceof Method;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (context.getTestMethod().isEmpty()) {
      throw new ParameterResolutionException("a kube-netsim Cluster is made per test: ask for "
          + "it in a @Test, @BeforeEach or @AfterEach method, not in "
          + parameter.getDeclaringExecutable());
    }
    return testCluster(context).cluster();
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    throw withReport(context, failure);
  }

  @Override
  public void handleBeforeEachMethodExecutionException(ExtensionContext context,
      Throwable failure) throws Throwable {
    throw withReport(context, failure);
  }

  @Override
  public void handleAfterEachMethodExecutionException(ExtensionContext context,
      Throwable failure) throws Throwable {
    throw withReport(context, failure);
  }

  /** {@return the failure, with the report of the test's cluster attached if it made one} */
  private static Throwable withReport(ExtensionContext context, Throwable failure) {
    TestCluster made = context.getStore(NAMESPACE).get(TestCluster.class, TestCluster.class);
    if (made != null) {
      String report = FailureReport.of(made.recipe(), made.cluster());
      failure.addSuppressed(new KubeSimReport(report));
      context.publishReportEntry("kube-netsim", report);
    }
    return failure;
  }

  private TestCluster testCluster(ExtensionContext context) {
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(TestCluster.class, key -> {
      ClusterRecipe recipe = registered.orElseGet(() -> annotated(context));
      return new TestCluster(recipe, recipe.build(context.getRequiredTestClass()));
    }, TestCluster.class);
  }

  /** The method's {@link KubeSimTest}, else its class's or an enclosing class's. */
  private static ClusterRecipe annotated(ExtensionContext context) {
    List<AnnotatedElement> places = new ArrayList<>();
    context.getTestMethod().ifPresent(places::add);
    for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
      places.add(c);
    }
    for (AnnotatedElement place : places) {
      Optional<KubeSimTest> found = AnnotationSupport.findAnnotation(place, KubeSimTest.class);
      if (found.isPresent()) {
        return ClusterRecipe.of(found.get());
      }
    }
    return DEFAULTS;
  }

  private record TestCluster(ClusterRecipe recipe, Cluster cluster) {}

  /** Holds {@link KubeSimTest}'s defaults, for a test that uses the extension without it. */
  @KubeSimTest
  private static final class Defaults {}

  /** Configures a registered extension; starts from {@link KubeSimTest}'s defaults. */
  public static final class Builder {
    private int nodes = DEFAULTS.nodes();
    private long seed = DEFAULTS.seed();
    private ProxyMode proxyMode = DEFAULTS.proxyMode();
    private List<String> namespaces = List.of();
    private List<String> manifests = List.of();
    private CloudProvider cloudProvider = DEFAULTS.cloudProvider();
    private NetworkPolicyEnforcement networkPolicy = DEFAULTS.networkPolicy();
    private int reportEvents = DEFAULTS.reportEvents();
    private UnaryOperator<ClusterBuilder> customizer = ClusterRecipe.AS_IS;

    private Builder() {}

    /** How many nodes the cluster starts with. {@return this} */
    public Builder nodes(int count) {
      this.nodes = count;
      return this;
    }

    /** The seed every random choice derives from. {@return this} */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** kube-proxy's mode on every node. {@return this} */
    public Builder proxyMode(ProxyMode mode) {
      this.proxyMode = mode;
      return this;
    }

    /** Namespaces to create before the manifests are applied. {@return this} */
    public Builder namespaces(String... names) {
      this.namespaces = List.of(names);
      return this;
    }

    /** Class-path manifests to apply, in order. {@return this} */
    public Builder manifests(String... resources) {
      this.manifests = List.of(resources);
      return this;
    }

    /** Whether LoadBalancer Services get an address from a simulated cloud. {@return this} */
    public Builder cloudProvider(CloudProvider provider) {
      this.cloudProvider = provider;
      return this;
    }

    /** Whether the network plugin enforces NetworkPolicies. {@return this} */
    public Builder networkPolicy(NetworkPolicyEnforcement enforcement) {
      this.networkPolicy = enforcement;
      return this;
    }

    /** How many of the last events a failing test's report shows. {@return this} */
    public Builder reportEvents(int count) {
      this.reportEvents = count;
      return this;
    }

    /**
     * Anything else {@link ClusterBuilder} offers (timings, CIDRs, DNS settings), applied after
     * the settings above. {@return this}
     */
    public Builder customize(UnaryOperator<ClusterBuilder> change) {
      this.customizer = change;
      return this;
    }

    /** {@return the extension, to assign to a {@code @RegisterExtension} field} */
    public KubeSimExtension build() {
      return new KubeSimExtension(new ClusterRecipe(nodes, seed, proxyMode, namespaces,
          manifests, cloudProvider, networkPolicy, reportEvents, customizer));
    }
  }
}
