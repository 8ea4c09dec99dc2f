package io.kubenetsim.core.dns;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * What the kubernetes backend found for a question: items, or that the name does not exist
 * (upstream's {@code errNoItems}, {@code errNsNotExposed} and {@code errInvalidRequest}, which
 * {@code IsNameError} folds into NXDOMAIN). No items and no error is NODATA.
 *
 * @param targets the items found
 * @param nameError whether the name does not exist
 */
record Found(ImmutableList<Target> targets, boolean nameError) {

  static final Found NAME_ERROR = new Found(ImmutableList.of(), true);
  static final Found NOTHING = new Found(ImmutableList.of(), false);

  static Found of(List<Target> targets) {
    return new Found(ImmutableList.copyOf(targets), false);
  }
}
