/**
 * The one provider interface sim-core implements, found through {@link java.util.ServiceLoader}.
 * Internal: not for use outside io.kubenetsim.
 */
package io.kubenetsim.spi;
