package io.kubenetsim.core.proxy.nftables;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * A named set or verdict map of the {@code ip kube-proxy} table, elements in the order they were
 * written (service ports in name order).
 *
 * @param kind {@code set} or {@code map}
 * @param type e.g. {@code ipv4_addr . inet_proto . inet_service : verdict}
 * @param flags e.g. {@code dynamic,timeout}; empty for none
 * @param timeout as {@code nft} prints it ({@code 3h}); empty for none
 */
public record NftSet(String kind, String name, String type, String flags,
    Optional<String> timeout, Optional<String> comment, ImmutableList<NftElement> elements) {}
