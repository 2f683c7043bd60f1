package dev.vpatch.bench;

import dev.vpatch.engine.RuleCost;
import dev.vpatch.engine.RuleSet;
import dev.vpatch.engine.rules.RuleCosts;
import dev.vpatch.engine.seclang.SecLangException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Which rules one of issue 3's transactions spends its time in: runs the shape until the JIT
 * settles, then for a while more with every chain timed, and prints the costliest rules per
 * transaction. Needs {@code -Dvpatch.ruleCosts=true}; {@code bench/rulecost.sh} runs it.
 *
 * <pre>
 * rulecost [get|form|json|attack|form64k] [--crs DIR] [--paranoia N] [--rules FILE] [--top N] [--seconds S]
 * </pre>
 *
 * The clock reads the timing adds are measured and taken off each rule, but the transaction's own
 * time (printed first) still includes them: the rules' shares are of that time.
 */
public final class RuleCostReport {
  private static final Map<String, Supplier<HttpExchange>> SHAPES = new LinkedHashMap<>();

  static {
    SHAPES.put("get", OracleScenarios::browserGet);
    SHAPES.put("form", OracleScenarios::formPost);
    SHAPES.put("json", OracleScenarios::jsonPost);
    SHAPES.put("attack", OracleScenarios::attackGet);
    SHAPES.put("form64k", OracleScenarios::largeFormPost);
  }

  /** What to run, from the command line. */
  record Options(String shape, Path crs, int paranoia, Path rules, int top, double seconds) {
    static Options parse(String... args) {
      String shape = "get";
      Path crs = CrsRuleSets.defaultDirectory();
      int paranoia = 1;
      Path rules = null;
      int top = 30;
      double seconds = 10;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (!arg.startsWith("--")) {
          shape = arg;
          continue;
        }
        if (i + 1 >= args.length) throw new IllegalArgumentException(arg + " needs a value");
        String value = args[++i];
        switch (arg) {
          case "--crs" -> crs = Path.of(value);
          case "--paranoia" -> paranoia = (int) number(arg, value);
          case "--rules" -> rules = Path.of(value);
          case "--top" -> top = (int) number(arg, value);
          case "--seconds" -> seconds = number(arg, value);
          default -> throw new IllegalArgumentException("unknown option " + arg);
        }
      }
      if (!SHAPES.containsKey(shape)) {
        throw new IllegalArgumentException("unknown shape " + shape + " (one of " + String.join(", ", SHAPES.keySet()) + ")");
      }
      return new Options(shape, crs, paranoia, rules, top, seconds);
    }

    private static double number(String option, String value) {
      try {
        double number = Double.parseDouble(value);
        if (number > 0 && number <= Integer.MAX_VALUE) return number;
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(option + " needs a positive number, not '" + value + "'");
    }

    RuleSet load() {
      if (rules != null) return RuleSet.builder().addVpatchDefaults().addFile(rules).build();
      return CrsRuleSets.load(crs, paranoia);
    }

    String describeRules() {
      return rules != null ? rules + " (with vpatch's defaults)" : "CRS " + crs + ", paranoia level " + paranoia;
    }
  }

  private RuleCostReport() {}

  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("rulecost: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (!RuleCosts.ENABLED) {
      System.err.println("rulecost: run with -Dvpatch.ruleCosts=true (bench/rulecost.sh does)");
      System.exit(2);
    }
    try {
      run(options, System.out);
    } catch (SecLangException e) {
      System.err.println("rulecost: " + e.getMessage());
      System.exit(2);
    }
  }

  static void run(Options options, PrintStream out) {
    RuleSet rules = options.load();
    ExchangeRunner runner = new ExchangeRunner(rules, SHAPES.get(options.shape()).get());
    JitSettling.settle(options.shape(), runner::run);
    rules.resetRuleCosts();
    long transactions = 0;
    long start = System.nanoTime();
    long end = start + (long) (options.seconds() * 1e9);
    long now;
    do {
      runner.run();
      transactions++;
      now = System.nanoTime();
    } while (now < end);
    print(out, options, rules.ruleCosts(), transactions, now - start);
  }

  static void print(PrintStream out, Options options, List<RuleCost> costs, long transactions, long elapsedNanos) {
    double perTransaction = elapsedNanos / 1e3 / transactions;
    double inRules = costs.stream().mapToLong(RuleCost::nanos).sum() / 1e3 / transactions;
    double evaluated = costs.stream().mapToLong(RuleCost::evaluations).sum() / (double) transactions;
    out.printf(Locale.ROOT, "%s against %s: %,d transactions in %.1f s%n",
        options.shape(), options.describeRules(), transactions, elapsedNanos / 1e9);
    out.printf(Locale.ROOT, "transaction %.1f us (timing included), in rules %.1f us (%.0f %%), %.0f rule evaluations each%n",
        perTransaction, inRules, 100 * inRules / perTransaction, evaluated);
    out.printf("%4s %9s %5s %8s %6s %8s %8s  %s%n", "rank", "rule", "phase", "us/tx", "share", "evals/tx", "match/tx", "file:line");
    for (int i = 0; i < Math.min(options.top(), costs.size()); i++) {
      RuleCost c = costs.get(i);
      double micros = c.nanos() / 1e3 / transactions;
      out.printf(Locale.ROOT, "%4d %9d %5d %8.2f %5.1f%% %8.2f %8.2f  %s:%d%n",
          i + 1, c.ruleId(), c.phase(), micros, 100 * micros / perTransaction,
          c.evaluations() / (double) transactions, c.matches() / (double) transactions,
          c.file() == null ? "?" : Path.of(c.file()).getFileName(), c.line());
    }
  }
}
