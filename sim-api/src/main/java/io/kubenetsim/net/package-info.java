/**
 * Network values and what traffic tells you. Addresses: {@link io.kubenetsim.net.IpAddress},
 * {@link io.kubenetsim.net.Cidr}, {@link io.kubenetsim.net.HostPort} (an address and a port,
 * printed as Go's {@code net.JoinHostPort} prints it), {@link io.kubenetsim.net.Protocol} —
 * parsed without name lookups, printed in canonical form. Outcomes: {@link
 * io.kubenetsim.net.ConnectionVerdict} (what a client experiences: established, refused,
 * timed out, unresolved when the name it dialled did not resolve, unreachable for an IPv6 end), {@link
 * io.kubenetsim.net.RuleOutcome} (what one node's kube-proxy rules did, and the one mapping to a
 * verdict), {@link io.kubenetsim.net.Hop} and {@link io.kubenetsim.net.PacketTrace} (the path
 * and the rules, as data first and text for people second).
 */
package io.kubenetsim.net;
