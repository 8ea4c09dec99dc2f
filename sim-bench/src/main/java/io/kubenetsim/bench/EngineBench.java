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
 * benchmarks. Each operation runs the earliest event, which schedules one new event a random
 * delay ahead, so the number pending stays at {@code pending}. One operation = one event, so
 * the score in ops/s is events per second.
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
