package io.kubenetsim;

/**
 * The simulated API server refused a request, as kube-apiserver answers with a {@code Status}:
 * a reason such as {@code NotFound} or {@code AlreadyExists}, an HTTP code, and a message in
 * upstream's words ({@code namespaces "shop" not found}). A refused request changes nothing.
 */
public class ApiException extends SimulationException {
  private static final long serialVersionUID = 1L;

  /** Why the server refused, as {@code metav1.StatusReason} names it. */
  public enum Reason {
    BAD_REQUEST("BadRequest", 400),
    FORBIDDEN("Forbidden", 403),
    NOT_FOUND("NotFound", 404),
    ALREADY_EXISTS("AlreadyExists", 409),
    CONFLICT("Conflict", 409),
    INVALID("Invalid", 422),
    INTERNAL_ERROR("InternalError", 500);

    private final String text;
    private final int code;

    Reason(String text, int code) {
      this.text = text;
      this.code = code;
    }

    /** {@return the HTTP status code the API server would send} */
    public int code() {
      return code;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  private final Reason reason;

  public ApiException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** {@return why the request was refused} */
  public Reason reason() {
    return reason;
  }
}
