package io.kubenetsim.core.kubectl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns objects of one kind into {@code kubectl get} table rows, as the functions in kubernetes'
 * {@code pkg/printers/internalversion/printers.go} do ({@code printPod}, {@code printNode}, …).
 *
 * <p>Implementations are pure: the same objects and the same virtual {@code now} give the same
 * rows. They never read a clock; AGE and "ago" columns are measured from {@code now}.
 *
 * @param <T> the kind printed
 */
public interface ResourcePrinter<T> {

  /** {@return the column names in kubectl's spelling} */
  List<String> columns();

  /** {@return the columns {@code -o wide} appends; none by default} */
  default List<String> wideColumns() {
    return List.of();
  }

  /** {@return the column names, wide-only columns last when {@code wide}} */
  default List<String> columns(boolean wide) {
    if (!wide) {
      return columns();
    }
    List<String> all = new ArrayList<>(columns());
    all.addAll(wideColumns());
    return all;
  }

  /** {@return one table row for {@code object}, one cell per {@link #columns(boolean)} entry} */
  List<String> row(T object, Instant now, boolean wide);

  /** {@return one row per object, in the order given} */
  default List<List<String>> rows(List<? extends T> objects, Instant now, boolean wide) {
    List<List<String>> rows = new ArrayList<>(objects.size());
    for (T object : objects) {
      rows.add(row(object, now, wide));
    }
    return rows;
  }
}
