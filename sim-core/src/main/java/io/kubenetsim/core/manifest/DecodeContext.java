package io.kubenetsim.core.manifest;

import io.kubenetsim.manifest.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects what went wrong while one document is decoded: Go-style type errors, strict-decoding
 * errors (unknown and duplicate fields) and decode-stage field errors, in the order found.
 *
 * <p>Confined to the decoding of one document; not thread-safe.
 */
final class DecodeContext {
  private final String apiVersion;
  private final String kind;
  private final List<ObjectCursor> cursors = new ArrayList<>();
  private final List<String> typeErrors = new ArrayList<>();
  private final List<String> strictErrors = new ArrayList<>();
  private final List<FieldError> fieldErrors = new ArrayList<>();

  DecodeContext(String apiVersion, String kind) {
    this.apiVersion = apiVersion;
    this.kind = kind;
  }

  /** Remembers a cursor so that its unknown fields are reported by {@link #finish()}. */
  void track(ObjectCursor cursor) {
    cursors.add(cursor);
  }

  /** Records {@code json: cannot unmarshal <value> into Go struct field <S>.<path> of type T}. */
  void typeError(String jsonValue, String goStruct, String goPath, String goType) {
    typeErrors.add("json: cannot unmarshal " + jsonValue + " into Go struct field " + goStruct
        + "." + goPath + " of type " + goType);
  }

  /**
   * Records {@code json: cannot unmarshal <value> into Go value of type T}: the form without a
   * struct field, from a type's own {@code UnmarshalJSON} (such as {@code IntOrString}'s).
   */
  void valueTypeError(String jsonValue, String goType) {
    typeErrors.add("json: cannot unmarshal " + jsonValue + " into Go value of type " + goType);
  }

  /**
   * Records an error a Go type's decoder returns as it is, such as {@code illegal base64 data at
   * input byte 8} from a {@code []byte} field.
   */
  void valueError(String message) {
    typeErrors.add(message);
  }

  /** Records {@code unknown field "<path>"}. */
  void unknownField(String path) {
    strictErrors.add("unknown field \"" + path + "\"");
  }

  /** Records {@code duplicate field "<path>"}. */
  void duplicateField(String path) {
    strictErrors.add("duplicate field \"" + path + "\"");
  }

  void fieldError(FieldError error) {
    fieldErrors.add(error);
  }

  /**
   * Reports the unknown fields of every cursor, then returns one message per problem: each type
   * error and the strict errors (joined, as apimachinery joins them) wrapped in {@code <Kind> in
   * version "<v>" cannot be handled as a <Kind>: …}, then the field errors in their grammar.
   */
  List<String> finish() {
    cursors.forEach(ObjectCursor::reportUnknownFields);
    String wrapper =
        kind + " in version \"" + version() + "\" cannot be handled as a " + kind + ": ";
    List<String> messages = new ArrayList<>();
    typeErrors.forEach(e -> messages.add(wrapper + e));
    if (!strictErrors.isEmpty()) {
      messages.add(wrapper + "strict decoding error: " + String.join(", ", strictErrors));
    }
    fieldErrors.forEach(e -> messages.add(e.toString()));
    return messages;
  }

  private String version() {
    int slash = apiVersion.lastIndexOf('/');
    return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
  }
}
