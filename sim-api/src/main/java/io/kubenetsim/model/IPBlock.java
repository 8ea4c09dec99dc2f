package io.kubenetsim.model;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A NetworkPolicy peer's {@code ipBlock}: addresses in {@code cidr} but in none of {@code
 * except}. Kept as written (text), so that the API server's validation can reject a bad CIDR
 * with its own message.
 */
public record IPBlock(String cidr, ImmutableList<String> except) {

  public IPBlock {
    checkArgument(cidr != null, "cidr must not be null");
    except = ImmutableList.copyOf(except);
  }

  /** {@return the block {@code cidr} minus {@code except}} */
  public static IPBlock of(String cidr, List<String> except) {
    return new IPBlock(cidr, ImmutableList.copyOf(except));
  }
}
