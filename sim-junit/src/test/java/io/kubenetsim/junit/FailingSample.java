package io.kubenetsim.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a test class the way a build would, inside a test, and hands back how its one test
 * failed: to check what a user sees when a kube-netsim test or property fails.
 */
public final class FailingSample {
  private FailingSample() {}

  /** {@return the failure of the one test in {@code testClass}}, which must fail */
  public static Throwable failureOf(Class<?> testClass) {
    return run(testClass, new ArrayList<>());
  }

  /**
   * {@return the values of the report entries the one test in {@code testClass} published
   * (jqwik reports a failing property's samples this way)}, after checking that it failed
   */
  public static List<String> reportOf(Class<?> testClass) {
    List<String> entries = new ArrayList<>();
    run(testClass, entries);
    return entries;
  }

  private static Throwable run(Class<?> testClass, List<String> entries) {
    List<Throwable> failures = new ArrayList<>();
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(DiscoverySelectors.selectClass(testClass))
        // jqwik prints a failing property's samples on stdout unless told to report them
        .configurationParameter("jqwik.reporting.usejunitplatform", "true").build();
    Launcher launcher = LauncherFactory.create();
    launcher.execute(request, new TestExecutionListener() {
      @Override
      public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        entries.addAll(entry.getKeyValuePairs().values());
      }

      @Override
      public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest()) {
          failures.add(result.getThrowable().orElse(null));
        }
      }
    });
    assertEquals(1, failures.size(), "expected one test in " + testClass.getName());
    if (failures.get(0) == null) {
      throw new AssertionError(testClass.getName() + " was expected to fail, and passed");
    }
    return failures.get(0);
  }
}
