package dev.vpatch.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Issue 3's request shapes: one whole transaction (phases 1–5, the response being a small HTML
 * page) per operation, single thread, against the CRS at paranoia level 1.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TransactionBenchmark {
  private ExchangeRunner browserGet;
  private ExchangeRunner attackGet;
  private ExchangeRunner formPost;
  private ExchangeRunner jsonPost;
  private ExchangeRunner largeFormPost;

  @Setup(Level.Trial)
  public void prepare(EngineState engine, BenchmarkParams params) {
    browserGet = engine.runner(OracleScenarios.browserGet());
    attackGet = engine.runner(OracleScenarios.attackGet());
    formPost = engine.runner(OracleScenarios.formPost());
    jsonPost = engine.runner(OracleScenarios.jsonPost());
    largeFormPost = engine.runner(OracleScenarios.largeFormPost());
    if (engine.isCrs()) {
      ExchangeRunner.Verdict verdict = attackGet.run();
      if (verdict.interruption() == null && !verdict.matched(942100)) {
        throw new IllegalStateException("the attack GET was not detected: " + verdict);
      }
    }
    String benchmark = params.getBenchmark();
    String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
    ExchangeRunner measured = runnerOf(method);
    JitSettling.settle(method, measured::run);
  }

  private ExchangeRunner runnerOf(String method) {
    return switch (method) {
      case "browserGet" -> browserGet;
      case "attackGet" -> attackGet;
      case "formPost4k" -> formPost;
      case "jsonPost4k" -> jsonPost;
      case "formPost64k" -> largeFormPost;
      default -> throw new IllegalArgumentException("no request shape for benchmark " + method);
    };
  }

  @Benchmark
  public ExchangeRunner.Verdict browserGet() {
    return browserGet.run();
  }

  @Benchmark
  public ExchangeRunner.Verdict attackGet() {
    return attackGet.run();
  }

  @Benchmark
  public ExchangeRunner.Verdict formPost4k() {
    return formPost.run();
  }

  @Benchmark
  public ExchangeRunner.Verdict jsonPost4k() {
    return jsonPost.run();
  }

  @Benchmark
  public ExchangeRunner.Verdict formPost64k() {
    return largeFormPost.run();
  }
}
