package dev.vpatch.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One whole transaction carrying a 4 KB value aimed at one of the CRS's slowest patterns (see
 * {@link PathologicalInputs}); the target is that no value takes more than 1 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PathologicalInputBenchmark {
  @Param({"933110", "933111", "941340", "941160", "942210", "934120", "944300"})
  public long ruleId;

  private ExchangeRunner runner;

  @Setup(Level.Trial)
  public void prepare(EngineState engine) {
    runner = engine.runner(PathologicalInputs.exchange(ruleId));
    JitSettling.settle("rule " + ruleId, runner::run);
  }

  @Benchmark
  public ExchangeRunner.Verdict transaction() {
    return runner.run();
  }
}
