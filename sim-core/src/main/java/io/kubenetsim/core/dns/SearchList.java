package io.kubenetsim.core.dns;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.dns.DnsName;
import io.kubenetsim.dns.ResolvConf;
import io.kubenetsim.dns.ResolvOption;
import java.util.List;
import java.util.Optional;

/**
 * The names a stub resolver tries for one query, and in which order, as glibc's {@code
 * __res_context_search} ({@code resolv/res_query.c}) orders them:
 *
 * <ol>
 *   <li>a name ending in a dot is absolute: it alone is asked;
 *   <li>a name with at least {@code ndots} dots is asked as written first;
 *   <li>then the name with each search domain appended, in order;
 *   <li>last, the name as written, unless it was asked first or a search domain was the root
 *       (which asks the same name), or {@code options no-tld-query} is set and the name has no
 *       dot.
 * </ol>
 *
 * <p>Which of these are actually sent depends on the answers (a reply that answers stops the
 * search; a timeout stops the search list but still asks the name as written); {@link
 * StubResolver} walks the plan. {@link #candidates()} is the whole plan, every name failing.
 *
 * <p>Simplification: glibc stops the search list at a candidate it cannot encode (too long);
 * here a search domain that makes an invalid name ends the list there, the same way, and
 * nothing is sent for it. {@code HOSTALIASES} and the {@code domain} line are not modelled.
 *
 * <pre>{@code
 * ResolvConf pod = ResolvConf.of(List.of(dns), List.of("shop.svc.cluster.local",
 *     "svc.cluster.local", "cluster.local"), List.of(ResolvOption.of("ndots", "5")));
 * SearchList.candidates("web", pod);
 * // [web.shop.svc.cluster.local., web.svc.cluster.local., web.cluster.local., web.]
 * }</pre>
 */
public final class SearchList {
  private static final String NO_TLD_QUERY = "no-tld-query";

  private final String query;
  /** Built when first needed: a lookup answered through the search list never asks it. */
  private DnsName asIs;
  private final int dots;
  private final boolean absolute;
  private final boolean asIsFirst;
  private final boolean noTldQuery;
  private final ResolvConf conf;
  /** Built when first needed: a lookup usually asks one or two of the names, not all. */
  private ImmutableList<DnsName> searches;
  private boolean searchCut;

  private SearchList(String query, ResolvConf conf) {
    this.query = query;
    checkArgument(!query.isEmpty(), "cannot look up \"\": the name is empty");
    try {
      DnsName.check(query);
    } catch (IllegalArgumentException invalid) {
      throw new IllegalArgumentException("cannot look up \"" + query + "\": "
          + invalid.getMessage(), invalid);
    }
    this.dots = dots(query);
    this.absolute = query.endsWith(".");
    this.asIsFirst = absolute || dots >= conf.ndots();
    this.noTldQuery = hasOption(conf, NO_TLD_QUERY);
    this.conf = conf;
  }

  /** {@return how many search domains the name may be tried with, before any is found invalid} */
  public int searchDomains() {
    return absolute ? 0 : conf.searches().size();
  }

  /**
   * {@return the name with the {@code i}th search domain, or empty when that makes an invalid
   * name (the search list ends there); the root domain ({@code ""} or {@code "."}) gives the
   * name itself}
   */
  public Optional<DnsName> search(int i) {
    checkArgument(i >= 0 && i < searchDomains(), "no search domain %s of %s", i,
        searchDomains());
    String domain = conf.searches().get(i);
    String bare = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
    return bare.isEmpty() ? Optional.of(asIs()) : DnsName.tryJoin(query, bare);
  }

  /**
   * {@return the search plan for {@code name} under {@code conf}}
   *
   * @throws IllegalArgumentException when {@code name} is not a valid DNS name (empty, an empty
   *     label, a label over 63 characters, over 253 in all, or a character other than a letter,
   *     a digit, {@code -} or {@code _}); check with {@link DnsName#tryParse} first
   */
  public static SearchList of(String name, ResolvConf conf) {
    checkArgument(name != null && conf != null, "name and conf must not be null");
    return new SearchList(name, conf);
  }

  // Loops rather than streams: a lookup's planning is on the hot path of every lookup.
  private static int dots(String name) {
    int dots = 0;
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) == '.') {
        dots++;
      }
    }
    return dots;
  }

  private static boolean hasOption(ResolvConf conf, String name) {
    for (ResolvOption option : conf.options()) {
      if (option.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@return every name the resolver would ask if none answered, in order}
   *
   * @throws IllegalArgumentException as {@link #of}
   */
  public static List<DnsName> candidates(String name, ResolvConf conf) {
    return of(name, conf).candidates();
  }

  /** {@return every name the resolver would ask if none answered, in order} */
  public List<DnsName> candidates() {
    ImmutableList.Builder<DnsName> out = ImmutableList.builder();
    if (asIsFirst) {
      out.add(asIs());
    }
    out.addAll(searches());
    if (asIsAfterSearching(searches().size())) {
      out.add(asIs());
    }
    return out.build();
  }

  /** {@return the name as the application wrote it} */
  public String query() {
    return query;
  }

  /** {@return the name as written, made absolute} */
  public DnsName asIs() {
    if (asIs == null) {
      asIs = DnsName.of(query);
    }
    return asIs;
  }

  /** {@return whether the name ends in a dot: only it is asked, whatever the answer} */
  public boolean absolute() {
    return absolute;
  }

  /** {@return whether the name is asked as written before the search list} */
  public boolean asIsFirst() {
    return asIsFirst;
  }

  /** {@return the name with each search domain appended, in order} */
  public List<DnsName> searches() {
    if (searches == null) {
      ImmutableList.Builder<DnsName> built = ImmutableList.builder();
      for (int i = 0; i < searchDomains(); i++) {
        Optional<DnsName> candidate = search(i);
        if (candidate.isEmpty()) {
          searchCut = true;
          break;
        }
        built.add(candidate.get());
      }
      searches = built.build();
    }
    return searches;
  }

  /**
   * {@return whether the name as written is asked after the first {@code tried} search names
   * were asked in vain} glibc asks it unless it already has (first, or through a root search
   * domain), or {@code no-tld-query} is set for a name without dots.
   */
  public boolean asIsAfterSearching(int tried) {
    List<DnsName> searches = searches();
    checkArgument(tried >= 0 && tried <= searches.size(), "tried %s of %s search names",
        tried, searches.size());
    if (asIsFirst) {
      return false;
    }
    // glibc counts a domain it could not encode as searched, too.
    boolean searched = tried > 0 || (searchCut && tried == searches.size());
    boolean rootOnList = searches.subList(0, tried).stream().anyMatch(asIs()::sameAs);
    return (dots > 0 || !searched || !noTldQuery) && !rootOnList;
  }

  @Override
  public String toString() {
    return query + " -> " + candidates();
  }
}
