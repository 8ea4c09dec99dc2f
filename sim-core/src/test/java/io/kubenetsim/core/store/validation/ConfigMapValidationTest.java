package io.kubenetsim.core.store.validation;

import static io.kubenetsim.core.store.validation.Errors.assertLines;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableSortedMap;
import io.kubenetsim.model.ByteString;
import io.kubenetsim.model.ConfigMap;
import io.kubenetsim.model.ObjectMeta;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ConfigMap rules, after upstream's {@code TestValidateConfigMap} and {@code
 * TestValidateConfigMapUpdate} ({@code pkg/apis/core/validation/validation_test.go}) and
 * apimachinery's {@code TestIsConfigMapKey}: key characters and length, the {@code .}/{@code ..}
 * keys, a key in both maps, the 1 MiB limit, and the freeze an immutable ConfigMap is under.
 */
class ConfigMapValidationTest {
  private static final String KEY_FORMAT = "a valid config key must consist of alphanumeric "
      + "characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex "
      + "used for validation is '[-._a-zA-Z0-9]+')";

  private static ConfigMap data(Map<String, String> data) {
    return ConfigMap.of("shop", "cfg", data);
  }

  static Stream<Arguments> keys() {
    return Stream.of(
        Arguments.of("key", List.of()),
        Arguments.of("KEY_NAME-1.conf", List.of()),
        Arguments.of(".dotfile", List.of()),
        Arguments.of("a..b", List.of()),
        Arguments.of("a".repeat(253), List.of()),
        Arguments.of(".", List.of("must not be '.'")),
        Arguments.of("..", List.of("must not be '..'")),
        Arguments.of("..data", List.of("must not start with '..'")),
        Arguments.of("a b", List.of(KEY_FORMAT)),
        Arguments.of("a/b", List.of(KEY_FORMAT)),
        Arguments.of("", List.of(KEY_FORMAT)),
        Arguments.of("a".repeat(254), List.of("must be no more than 253 characters")));
  }

  @ParameterizedTest(name = "key \"{0}\"")
  @MethodSource("keys")
  void keysFollowIsConfigMapKey(String key, List<String> messages) {
    assertEquals(messages, ConfigMapValidation.keyErrors(key));
  }

  @Test
  void badKeysAreReportedAtTheirMapEntry() {
    ConfigMap configMap = data(Map.of("..", "x")).withBinaryData(
        Map.of("bad key", ByteString.utf8("y")));
    assertLines(ConfigMapValidation.validateCreate(configMap),
        "data[..]: Invalid value: \"..\": must not be '..'",
        "binaryData[bad key]: Invalid value: \"bad key\": " + KEY_FORMAT);
  }

  @Test
  void aKeyInBothMapsIsADuplicate() {
    ConfigMap configMap = data(Map.of("blob", "x")).withBinaryData(
        Map.of("blob", ByteString.utf8("y")));
    assertLines(ConfigMapValidation.validateCreate(configMap),
        "data[blob]: Invalid value: \"blob\": duplicate of key present in binaryData");
  }

  @Test
  void textAndBytesTogetherMayHoldOneMebibyte() {
    int half = ConfigMapValidation.MAX_SIZE_BYTES / 2;
    ConfigMap atLimit = data(Map.of("a", "x".repeat(half))).withBinaryData(
        Map.of("b", ByteString.of(new byte[half])));
    assertLines(ConfigMapValidation.validateCreate(atLimit));
    ConfigMap over = data(Map.of("a", "x".repeat(half + 1))).withBinaryData(
        Map.of("b", ByteString.of(new byte[half])));
    assertLines(ConfigMapValidation.validateCreate(over),
        ": Too long: may not be more than 1048576 bytes");
  }

  @Test
  void theNameIsADnsSubdomain() {
    assertLines(ConfigMapValidation.validateCreate(
        data(Map.of()).withMetadata(ObjectMeta.named("shop", "kube-root-ca.crt"))));
    assertEquals(1, ConfigMapValidation.validateCreate(
        data(Map.of()).withMetadata(ObjectMeta.named("shop", "Bad_Name"))).size());
  }

  static Stream<Arguments> updates() {
    ConfigMap mutable = data(Map.of("k", "v"));
    ConfigMap frozen = mutable.withImmutable(Optional.of(true));
    String immutable = ": Forbidden: field is immutable when `immutable` is set";
    return Stream.of(
        Arguments.of("a mutable map may change", mutable, data(Map.of("k", "w")), List.of()),
        Arguments.of("a mutable map may become immutable", mutable, frozen, List.of()),
        Arguments.of("an immutable map may change its labels", frozen,
            frozen.withMetadata(frozen.metadata().withLabels(
                io.kubenetsim.model.Labels.of("a", "b"))), List.of()),
        Arguments.of("an immutable map may not change its data", frozen,
            data(Map.of("k", "w")).withImmutable(Optional.of(true)), List.of("data" + immutable)),
        Arguments.of("nor become mutable again", frozen, mutable.withImmutable(Optional.of(false)),
            List.of("immutable" + immutable)),
        Arguments.of("nor drop the flag, nor gain binary data", frozen,
            mutable.withBinaryData(Map.of("b", ByteString.utf8("x"))),
            List.of("immutable" + immutable, "binaryData" + immutable)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("updates")
  void updatesFollowValidateConfigMapUpdate(String name, ConfigMap old, ConfigMap updated,
      List<String> expected) {
    assertEquals(expected, Errors.lines(ConfigMapValidation.validateUpdate(old, updated)));
  }

  @Test
  void theDataMapsAreSortedSoErrorsComeInKeyOrder() {
    ConfigMap configMap = new ConfigMap(ObjectMeta.named("shop", "cfg"),
        ImmutableSortedMap.of("z z", "1", "a a", "2"), ImmutableSortedMap.of(), Optional.empty());
    assertEquals(List.of("data[a a]", "data[z z]"), ConfigMapValidation.validateCreate(configMap)
        .stream().map(e -> e.path()).toList());
  }
}
