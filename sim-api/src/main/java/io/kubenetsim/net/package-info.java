/**
 * Network values: {@link io.kubenetsim.net.IpAddress}, {@link io.kubenetsim.net.Cidr}, {@link
 * io.kubenetsim.net.Protocol}. Parsed without name lookups; printed in canonical form.
 */
package io.kubenetsim.net;
