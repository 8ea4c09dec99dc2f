package io.kubenetsim.core.kubectl;

import static com.google.common.base.Preconditions.checkArgument;

import io.kubenetsim.Cluster;

/**
 * What a {@link Verb} may use while it runs: the cluster (read through its facade, time from
 * {@link Cluster#now()}) and the formatter for {@code -o json|yaml}. Later verbs that need more
 * (a packet tracer, the proxy rule view) get more components here.
 */
public record KubectlContext(Cluster cluster, ObjectFormatter formatter) {

  public KubectlContext {
    checkArgument(cluster != null && formatter != null, "context parts must not be null");
  }
}
