package dev.vpatch.ftw.run;

import dev.vpatch.ftw.http.RawRequestBuilder;
import dev.vpatch.ftw.model.FtwTest;
import dev.vpatch.ftw.model.Stage;
import dev.vpatch.ftw.model.TestOverride;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * Runs go-ftw tests against a {@link StageTarget}. A test passes when all its stages pass (see
 * {@link StageChecker}). Include and exclude regexes match the test id {@code <rule>-<test>} as in
 * go-ftw (an include match wins over an exclude). A test named by an override still runs, with its
 * own expectations, but counts as overridden, not passed; the note says when it would pass without
 * the override. Tests run on {@code threads} threads (transactions are independent); results keep
 * the input order.
 */
public final class FtwRunner {
  private final StageTarget target;
  private final Pattern include;
  private final Pattern exclude;
  private final List<TestOverride> overrides;
  private final int threads;

  public FtwRunner(StageTarget target, Pattern include, Pattern exclude, List<TestOverride> overrides, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.target = target;
    this.include = include;
    this.exclude = exclude;
    this.overrides = List.copyOf(overrides);
    this.threads = threads;
  }

  public FtwRunner(StageTarget target) {
    this(target, null, null, List.of(), 1);
  }

  public RunReport run(List<FtwTest> tests) {
    if (threads == 1) {
      List<TestResult> results = new ArrayList<>(tests.size());
      for (FtwTest test : tests) {
        results.add(run(test));
      }
      return new RunReport(results);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "ftw-runner");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<TestResult>> futures = new ArrayList<>(tests.size());
      for (FtwTest test : tests) {
        futures.add(pool.submit(() -> run(test)));
      }
      List<TestResult> results = new ArrayList<>(tests.size());
      for (Future<TestResult> future : futures) {
        results.add(await(future));
      }
      return new RunReport(results);
    } finally {
      pool.shutdownNow();
    }
  }

  public TestResult run(FtwTest test) {
    if (skipped(test.id())) {
      return new TestResult(test, TestResult.Verdict.SKIPPED, List.of(), null);
    }
    List<String> problems = new ArrayList<>();
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < test.stages().size(); i++) {
      Stage stage = test.stages().get(i);
      StageOutcome outcome = target.send(stage.input(), RawRequestBuilder.build(stage.input()));
      List<String> stageProblems = StageChecker.check(stage.output(), outcome);
      for (String problem : stageProblems) {
        problems.add(test.stages().size() > 1 ? "stage " + (i + 1) + ": " + problem : problem);
      }
      if (!stageProblems.isEmpty()) {
        log.append(outcome.log());
      }
    }
    TestOverride override = overrides.stream().filter(o -> o.appliesTo(test)).findFirst().orElse(null);
    if (override != null) {
      List<String> note = problems.isEmpty() ? List.of("passes without the override") : List.of();
      return new TestResult(test, TestResult.Verdict.OVERRIDDEN, note, override.reason());
    }
    return new TestResult(test, problems.isEmpty() ? TestResult.Verdict.PASSED : TestResult.Verdict.FAILED,
        problems, null, log.toString());
  }

  private boolean skipped(String id) {
    if (include != null && include.matcher(id).find()) {
      return false;
    }
    if (exclude != null && exclude.matcher(id).find()) {
      return true;
    }
    return include != null;
  }

  private static TestResult await(Future<TestResult> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running tests", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
