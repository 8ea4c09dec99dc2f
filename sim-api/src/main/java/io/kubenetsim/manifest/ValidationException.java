package io.kubenetsim.manifest;

import com.google.common.collect.ImmutableList;
import io.kubenetsim.ApiException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Objects were rejected as invalid (HTTP 422 in kube-apiserver). Carries every error of every
 * rejected object, not just the first; nothing was changed in the cluster.
 *
 * <p>Tests match {@link FieldError#rule()} and {@link FieldError#path()}; people read the
 * message, which lists each object as kubectl would.
 */
public class ValidationException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final ImmutableList<InvalidObject> objects;

  public ValidationException(List<InvalidObject> objects) {
    super(Reason.INVALID, objects.stream().map(InvalidObject::toString)
        .collect(Collectors.joining("\n")));
    this.objects = ImmutableList.copyOf(objects);
  }

  /** {@return one rejected object} */
  public static ValidationException of(InvalidObject object) {
    return new ValidationException(List.of(object));
  }

  /** {@return the rejected objects, in the order they were given} */
  public ImmutableList<InvalidObject> objects() {
    return objects;
  }

  /** {@return every field error of every rejected object} */
  public ImmutableList<FieldError> errors() {
    return objects.stream().flatMap(o -> o.errors().stream())
        .collect(ImmutableList.toImmutableList());
  }
}
