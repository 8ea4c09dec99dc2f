package io.kubenetsim.bench;

import io.kubenetsim.core.engine.SeededRandom;
import io.kubenetsim.core.engine.Simulator;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast the event loop runs with many events pending: the "hold" model of event-queue
 * benchmarks. Each operation runs the earliest event ({@link Simulator#step()}), which schedules
 * one new event a uniform random 1 ns to 1 ms ahead, so the number pending stays at {@code
 * pending}. One operation = one event, so the score in ops/s is events per second. Targets: 8 M
 * at 1,000 pending, 5 M at 100,000, 2 M at 1,000,000.
 *
 * <p>The delay goes through {@code schedule(Duration, Runnable)}, as components call it. With
 * {@code -prof gc}: no allocation per event at 1,000 and 100,000 pending, where the JIT inlines
 * the whole step and removes the {@code Duration}; 24 bytes per event (that {@code Duration}) at
 * 1,000,000, where it compiles the step differently.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBench {

  @Param({"1000", "100000", "1000000"})
  public int pending;

  private Simulator sim;
  private SeededRandom random;
  private Runnable reschedule;

  @Setup(Level.Trial)
  public void setUp() {
    sim = new Simulator(42, Instant.parse("2026-01-01T00:00:00Z"));
    random = sim.random("bench");
    reschedule = () -> sim.schedule(Duration.ofNanos(1 + random.nextInt(1_000_000)), reschedule);
    for (int i = 0; i < pending; i++) {
      sim.schedule(Duration.ofNanos(random.nextInt(1_000_000)), reschedule);
    }
  }

  @Benchmark
  public boolean stepOneEvent() {
    return sim.step();
  }
}
// How to run: mvn -B -q package -DskipTests -pl sim-bench -am &&
//   java -jar sim-bench/target/benchmarks.jar EngineBench
