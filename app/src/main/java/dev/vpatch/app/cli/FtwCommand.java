package dev.vpatch.app.cli;

import dev.vpatch.engine.RuleSet;
import dev.vpatch.engine.RuleSetBuilder;
import dev.vpatch.engine.seclang.SecLangException;
import dev.vpatch.ftw.crs.CrsTestSetup;
import dev.vpatch.ftw.load.FtwFormatException;
import dev.vpatch.ftw.load.OverridesLoader;
import dev.vpatch.ftw.load.TestFileLoader;
import dev.vpatch.ftw.model.FtwTest;
import dev.vpatch.ftw.model.TestOverride;
import dev.vpatch.ftw.run.FtwRunner;
import dev.vpatch.ftw.run.InProcessTarget;
import dev.vpatch.ftw.run.RunReport;
import dev.vpatch.ftw.run.StageTarget;
import dev.vpatch.ftw.wire.AlertSource;
import dev.vpatch.ftw.wire.LogFileAlertSource;
import dev.vpatch.ftw.wire.WireTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vpatch ftw}. */
@Command(
    name = "ftw",
    mixinStandardHelpOptions = true,
    description = {
      "Run go-ftw YAML regression tests against the engine in-process, or over the wire against a running server.",
      "Prints one line per test not passed (file, test id, expected vs got), then exactly 'N passed, F failed';"
          + " skipped and overridden tests count as failed. Exit status 1 when F > 0, 2 on a usage or load error."
    })
public final class FtwCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--rules", paramLabel = "FILE|DIR", arity = "1..*",
      description = "SecLang rule files or directories (*.conf in name order) to load, in order.")
  List<Path> rules = new ArrayList<>();

  @Option(names = "--tests", paramLabel = "FILE|DIR", arity = "1..*",
      description = "go-ftw YAML test files or directories (searched recursively for *.yaml, *.yml).")
  List<Path> tests = new ArrayList<>();

  @Option(names = "--crs", paramLabel = "DIR",
      description = "A CRS checkout: load it with the engine settings of CRS's own test setup (DetectionOnly,"
          + " paranoia 4, response bodies, argument limits) and, unless --tests is given, run DIR/tests/regression/tests."
          + " --rules are loaded after it.")
  Path crs;

  @Option(names = "--include", paramLabel = "REGEX", description = "Run only tests whose id (<rule>-<test>) matches.")
  String include;

  @Option(names = "--exclude", paramLabel = "REGEX", description = "Skip tests whose id matches (--include wins).")
  String exclude;

  @Option(names = "--overrides", paramLabel = "FILE",
      description = "go-ftw overrides file (test_overrides: rule_id, test_ids, reason): those tests are reported as"
          + " overridden with their reason.")
  Path overrides;

  @Option(names = "--threads", paramLabel = "N", description = "Tests run in parallel in-process (default: CPU count).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--show-log",
      description = "After each failed test, print the WAF log lines of its failed stages (indented).")
  boolean showLog;

  @Option(names = "--target", paramLabel = "HOST:PORT",
      description = "Send the raw requests over TCP to this server instead of running the engine in-process"
          + " (one test at a time).")
  String target;

  @Option(names = "--alert-log", paramLabel = "FILE",
      description = "With --target: the server's alert or audit log (JSON lines or ModSecurity error log) to read"
          + " matched rule ids from.")
  Path alertLog;

  @Option(names = "--wire",
      description = "With --crs: start the test backend and a vpatch proxy running the CRS test setup on loopback,"
          + " send every test over a socket through the proxy and read matched rule ids from its alert stream.")
  boolean wire;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "With --target: connect and read timeout (default: 10).")
  int timeoutSeconds = 10;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      List<Path> testPaths = !tests.isEmpty() ? tests : crs != null ? CrsTestSetup.testDirectories(crs) : List.of();
      if (testPaths.isEmpty()) {
        err.println("vpatch ftw: give --tests FILE|DIR or --crs DIR");
        return 2;
      }
      long loadStart = System.nanoTime();
      List<FtwTest> loaded = TestFileLoader.load(testPaths);
      List<TestOverride> overrideList = overrides == null ? List.of() : OverridesLoader.load(overrides);
      if (wire) {
        return runThroughProxy(out, err, testPaths, loaded, overrideList, loadStart);
      }
      StageTarget stageTarget = target != null ? wireTarget() : inProcessTarget(err);
      if (stageTarget == null) {
        return 2;
      }
      err.printf("loaded %d tests and the rules in %.1f s%n", loaded.size(), (System.nanoTime() - loadStart) / 1e9);
      return runAndReport(out, err, testPaths, loaded, overrideList, stageTarget, target != null ? 1 : Math.max(1, threads));
    } catch (FtwFormatException | SecLangException | IllegalArgumentException e) {
      err.println("vpatch ftw: " + e.getMessage());
      return 2;
    }
  }

  private int runThroughProxy(PrintWriter out, PrintWriter err, List<Path> testPaths, List<FtwTest> loaded,
      List<TestOverride> overrideList, long loadStart) {
    if (crs == null || target != null) {
      err.println("vpatch ftw: --wire needs --crs DIR and no --target");
      return 2;
    }
    RuleSet ruleSet = ruleSetBuilder().build();
    Duration timeout = Duration.ofSeconds(timeoutSeconds);
    try (CrsWireHarness harness = CrsWireHarness.start(ruleSet, timeout)) {
      err.printf("loaded %d tests and the rules in %.1f s; proxy on 127.0.0.1:%d%n", loaded.size(),
          (System.nanoTime() - loadStart) / 1e9, harness.proxyPort());
      return runAndReport(out, err, testPaths, loaded, overrideList, harness.target(timeout), 1);
    } catch (IOException e) {
      err.println("vpatch ftw: cannot start the test backend or the proxy: " + e.getMessage());
      return 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("vpatch ftw: interrupted");
      return 2;
    }
  }

  private int runAndReport(PrintWriter out, PrintWriter err, List<Path> testPaths, List<FtwTest> loaded,
      List<TestOverride> overrideList, StageTarget stageTarget, int threadCount) {
    long start = System.nanoTime();
    RunReport report = new FtwRunner(stageTarget, pattern("--include", include), pattern("--exclude", exclude),
        overrideList, threadCount).run(loaded);
    for (String line : report.failureLines(testPaths, showLog)) {
      out.println(line);
    }
    err.printf("ran %d tests in %.1f s%n", loaded.size(), (System.nanoTime() - start) / 1e9);
    err.flush();
    out.println(report.summary());
    out.flush();
    return report.failed() > 0 ? 1 : 0;
  }

  private StageTarget inProcessTarget(PrintWriter err) {
    if (crs == null && rules.isEmpty()) {
      err.println("vpatch ftw: give --rules FILE|DIR or --crs DIR (or --target HOST:PORT)");
      return null;
    }
    return new InProcessTarget(ruleSetBuilder().build());
  }

  private RuleSetBuilder ruleSetBuilder() {
    RuleSetBuilder builder = crs != null ? CrsTestSetup.builder(crs) : RuleSet.builder();
    for (Path path : rules) {
      builder.addFile(path);
    }
    return builder;
  }

  private StageTarget wireTarget() {
    int colon = target.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("--target must be HOST:PORT, got " + target);
    }
    int port;
    try {
      port = Integer.parseInt(target.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--target port is not a number: " + target);
    }
    AlertSource alerts = alertLog == null ? AlertSource.NONE : new LogFileAlertSource(alertLog, 30);
    return new WireTarget(target.substring(0, colon), port, alerts, Duration.ofSeconds(timeoutSeconds));
  }

  private static Pattern pattern(String option, String regex) {
    if (regex == null) {
      return null;
    }
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(option + " is not a valid regex: " + e.getDescription());
    }
  }
}
