package io.kubenetsim.net;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Who may reach whom on one port and protocol: a truth table over sources ({@code from}, rows)
 * and destinations ({@code to}, columns), each named {@code namespace/name}. {@code toString()}
 * prints it as upstream's NetworkPolicy e2e suite prints its truth tables ({@code
 * test/e2e/network/netpol/truthtable.go}): a header row starting with {@code -}, then one row
 * per source, {@code .} for allowed and {@code X} for denied, tab-separated.
 *
 * <pre>{@code
 * Reachability expected = Reachability.expect(pods, pods, 80, Protocol.TCP, true)
 *     .denyTo("x/a").allow("x/a", "x/a").build();
 * assertEquals(List.of(), actual.differences(expected), actual.diff(expected));
 * }</pre>
 *
 * <p>Immutable. Equal when port, protocol, rows, columns and every cell are equal.
 */
public final class Reachability {
  private final int port;
  private final Protocol protocol;
  private final ImmutableList<String> from;
  private final ImmutableList<String> to;
  private final long[] bits;
  private final Map<String, Integer> rows;
  private final Map<String, Integer> columns;

  private Reachability(int port, Protocol protocol, List<String> from, List<String> to,
      long[] bits) {
    checkArgument(protocol != null, "protocol must not be null");
    this.port = port;
    this.protocol = protocol;
    this.from = ImmutableList.copyOf(from);
    this.to = ImmutableList.copyOf(to);
    this.bits = bits;
    this.rows = index(this.from, "from");
    this.columns = index(this.to, "to");
  }

  /**
   * {@return the table with a cell for every pair, {@code allowed.test(from, to)}}
   *
   * @throws IllegalArgumentException when a name is repeated in {@code from} or {@code to}
   */
  public static Reachability of(int port, Protocol protocol, List<String> from, List<String> to,
      BiPredicate<String, String> allowed) {
    return ofCells(port, protocol, from, to, (r, c) -> allowed.test(from.get(r), to.get(c)));
  }

  /** Whether the cell at a row and column (0-based, in {@code from} and {@code to}) is allowed. */
  @FunctionalInterface
  public interface Cells {
    boolean allowed(int row, int column);
  }

  /**
   * {@return the table with a cell for every pair, asked by position} — for producers that
   * already hold the answers in row and column order (a matrix computed with bit sets)
   *
   * @throws IllegalArgumentException when a name is repeated in {@code from} or {@code to}
   */
  public static Reachability ofCells(int port, Protocol protocol, List<String> from,
      List<String> to, Cells allowed) {
    long[] bits = new long[words(from.size() * to.size())];
    for (int r = 0; r < from.size(); r++) {
      for (int c = 0; c < to.size(); c++) {
        if (allowed.allowed(r, c)) {
          int i = r * to.size() + c;
          bits[i >>> 6] |= 1L << (i & 63);
        }
      }
    }
    return new Reachability(port, protocol, from, to, bits);
  }

  /**
   * {@return the table {@link #toString()} prints, read back}: a header row starting with
   * {@code -} and naming the destinations, then one row per source, {@code .} allowed and
   * {@code X} denied; cells may be separated by tabs or spaces, and blank lines and leading
   * indentation (a text block) are ignored
   *
   * @throws IllegalArgumentException naming the line and what is wrong with it
   */
  public static Reachability parse(int port, Protocol protocol, String table) {
    checkArgument(table != null, "table must not be null");
    List<String[]> lines = new ArrayList<>();
    for (String line : table.split("\n")) {
      if (!line.isBlank()) {
        lines.add(line.strip().split("\\s+"));
      }
    }
    checkArgument(!lines.isEmpty() && lines.get(0)[0].equals("-"),
        "line 1: expected a header row starting with '-' and naming the destinations");
    List<String> to = Arrays.asList(lines.get(0)).subList(1, lines.get(0).length);
    List<String> from = new ArrayList<>();
    boolean[][] cells = new boolean[lines.size() - 1][to.size()];
    for (int r = 1; r < lines.size(); r++) {
      String[] row = lines.get(r);
      checkArgument(row.length == to.size() + 1, "line %s: expected %s and %s cells, got %s",
          r + 1, "a source", to.size(), String.join(" ", row));
      from.add(row[0]);
      for (int c = 0; c < to.size(); c++) {
        checkArgument(row[c + 1].equals(".") || row[c + 1].equals("X"),
            "line %s: cell %s is '%s'; expected '.' (allowed) or 'X' (denied)", r + 1, c + 1,
            row[c + 1]);
        cells[r - 1][c] = row[c + 1].equals(".");
      }
    }
    return ofCells(port, protocol, from, to, (r, c) -> cells[r][c]);
  }

  /** {@return a builder of an expected table in which every cell starts as {@code allowed}} */
  public static Builder expect(List<String> from, List<String> to, int port, Protocol protocol,
      boolean allowed) {
    return new Builder(port, protocol, from, to, allowed);
  }

  /** {@return the port every cell is about} */
  public int port() {
    return port;
  }

  /** {@return the protocol every cell is about} */
  public Protocol protocol() {
    return protocol;
  }

  /** {@return the sources, in row order} */
  public ImmutableList<String> from() {
    return from;
  }

  /** {@return the destinations, in column order} */
  public ImmutableList<String> to() {
    return to;
  }

  /**
   * {@return whether {@code from} may reach {@code to}}
   *
   * @throws IllegalArgumentException naming the known names when either is not in the table
   */
  public boolean allowed(String source, String destination) {
    int i = cell(row(source), column(destination));
    return (bits[i >>> 6] & (1L << (i & 63))) != 0;
  }

  /** {@return how many cells are allowed} */
  public int allowedCount() {
    int count = 0;
    for (long word : bits) {
      count += Long.bitCount(word);
    }
    return count;
  }

  /**
   * {@return the cells that differ from {@code expected}, one line each ({@code x/a -> y/b:
   * expected ., got X}), in row then column order; empty when the tables agree}
   *
   * @throws IllegalArgumentException when the tables are not over the same rows, columns, port
   *     and protocol
   */
  public List<String> differences(Reachability expected) {
    checkArgument(from.equals(expected.from) && to.equals(expected.to) && port == expected.port
        && protocol == expected.protocol, "cannot compare tables over different pods, ports or "
            + "protocols: %s/%s %s x %s vs %s/%s %s x %s", port, protocol, from, to,
        expected.port, expected.protocol, expected.from, expected.to);
    List<String> out = new ArrayList<>();
    for (String source : from) {
      for (String destination : to) {
        boolean got = allowed(source, destination);
        boolean want = expected.allowed(source, destination);
        if (got != want) {
          out.add(source + " -> " + destination + ": expected " + mark(want) + ", got "
              + mark(got));
        }
      }
    }
    return out;
  }

  /**
   * {@return a readable comparison: both tables and the differing cells, for an assertion
   * message}
   */
  public String diff(Reachability expected) {
    List<String> differences = differences(expected);
    return "expected:\n" + expected + "\nactual:\n" + this + "\n" + differences.size()
        + " cells differ" + (differences.isEmpty() ? "" : ":\n  " + String.join("\n  ",
            differences));
  }

  /** {@return the truth table, header first, {@code .} allowed and {@code X} denied} */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("-");
    to.forEach(t -> out.append('\t').append(t));
    for (String source : from) {
      out.append('\n').append(source);
      for (String destination : to) {
        out.append('\t').append(mark(allowed(source, destination)));
      }
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Reachability r && port == r.port && protocol == r.protocol
        && from.equals(r.from) && to.equals(r.to) && Arrays.equals(bits, r.bits);
  }

  @Override
  public int hashCode() {
    return ((port * 31 + protocol.hashCode()) * 31 + from.hashCode()) * 31 + to.hashCode() * 31
        + Arrays.hashCode(bits);
  }

  private static String mark(boolean allowed) {
    return allowed ? "." : "X";
  }

  private int cell(int row, int column) {
    return row * to.size() + column;
  }

  private int row(String name) {
    Integer row = rows.get(name);
    checkArgument(row != null, "%s is not a source of this table; sources: %s", name, from);
    return row;
  }

  private int column(String name) {
    Integer column = columns.get(name);
    checkArgument(column != null, "%s is not a destination of this table; destinations: %s",
        name, to);
    return column;
  }

  private static int words(int cells) {
    return (cells + 63) >>> 6;
  }

  private static Map<String, Integer> index(List<String> names, String what) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      checkArgument(index.put(names.get(i), i) == null, "%s repeated in %s: %s", names.get(i),
          what, names);
    }
    return index;
  }

  /** Builds an expected table, cell by cell, as upstream's e2e {@code Reachability} does. */
  public static final class Builder {
    private final int port;
    private final Protocol protocol;
    private final ImmutableList<String> from;
    private final ImmutableList<String> to;
    private final boolean[][] cells;

    private Builder(int port, Protocol protocol, List<String> from, List<String> to,
        boolean allowed) {
      this.port = port;
      this.protocol = protocol;
      this.from = ImmutableList.copyOf(from);
      this.to = ImmutableList.copyOf(to);
      this.cells = new boolean[from.size()][to.size()];
      for (boolean[] row : cells) {
        Arrays.fill(row, allowed);
      }
    }

    /** Allows one cell. {@return this} */
    public Builder allow(String source, String destination) {
      return set(source, destination, true);
    }

    /** Denies one cell. {@return this} */
    public Builder deny(String source, String destination) {
      return set(source, destination, false);
    }

    /** Sets one cell. {@return this} */
    public Builder set(String source, String destination, boolean allowed) {
      cells[indexOf(from, source)][indexOf(to, destination)] = allowed;
      return this;
    }

    /** Sets every cell of a source's row. {@return this} */
    public Builder setFrom(String source, boolean allowed) {
      Arrays.fill(cells[indexOf(from, source)], allowed);
      return this;
    }

    /** Sets every cell of a destination's column. {@return this} */
    public Builder setTo(String destination, boolean allowed) {
      int column = indexOf(to, destination);
      for (boolean[] row : cells) {
        row[column] = allowed;
      }
      return this;
    }

    /** Denies every cell of a destination's column. {@return this} */
    public Builder denyTo(String destination) {
      return setTo(destination, false);
    }

    /** Denies every cell of a source's row. {@return this} */
    public Builder denyFrom(String source) {
      return setFrom(source, false);
    }

    /** Allows every pod to reach itself (a pod cannot block traffic to itself). {@return this} */
    public Builder allowSelf() {
      for (String name : from) {
        if (to.contains(name)) {
          set(name, name, true);
        }
      }
      return this;
    }

    /** {@return the table} */
    public Reachability build() {
      return ofCells(port, protocol, from, to, (r, c) -> cells[r][c]);
    }

    private static int indexOf(List<String> names, String name) {
      int i = names.indexOf(name);
      checkArgument(i >= 0, "%s is not one of %s", name, names);
      return i;
    }
  }
}
