package io.kubenetsim.core.store;

import io.kubenetsim.manifest.FieldError;
import io.kubenetsim.model.KubernetesObject;
import java.util.List;

/** The validation the store runs on every write, as kube-apiserver's registry strategies do. */
public interface ObjectValidation {

  /** {@return every problem with a new object; empty when it is valid} */
  List<FieldError> validateCreate(KubernetesObject object);

  /** {@return every problem with an update; empty when it is valid} */
  List<FieldError> validateUpdate(KubernetesObject old, KubernetesObject updated);
}
