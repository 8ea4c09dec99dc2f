package io.kubenetsim.dns;

/** A DNS response code (RFC 1035 §4.1.1), as {@code dig} names it in {@code status:}. */
public enum Rcode {
  /** The name exists; the answer may still be empty (NODATA: no record of the type asked). */
  NOERROR(0),
  FORMERR(1),
  /** The server could not answer (CoreDNS not yet synced, an upstream that failed). */
  SERVFAIL(2),
  /** The name does not exist, with no record of any type. */
  NXDOMAIN(3),
  NOTIMP(4),
  REFUSED(5);

  private final int code;

  Rcode(int code) {
    this.code = code;
  }

  /** {@return the code's number on the wire} */
  public int code() {
    return code;
  }
}
