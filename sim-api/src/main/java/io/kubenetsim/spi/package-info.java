/**
 * The one provider interface sim-core implements, found through {@link java.util.ServiceLoader}:
 * it builds clusters and writes manifests. Internal: not for use outside io.kubenetsim.
 */
package io.kubenetsim.spi;
