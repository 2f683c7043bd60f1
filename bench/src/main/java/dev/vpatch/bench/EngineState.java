package dev.vpatch.bench;

import dev.vpatch.engine.RuleSet;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The RuleSet every benchmark of a trial shares, compiled once before measuring. */
@State(Scope.Benchmark)
public class EngineState {
  /** CRS release folder; empty = system property {@code vpatch.crs.dir}, else ../shared/crs. */
  @Param({""})
  public String crsDir;

  @Param({"1"})
  public int paranoiaLevel;

  /**
   * A rule file loaded with vpatch's defaults instead of the CRS (to try the harness on a small
   * rule set); empty = the CRS.
   */
  @Param({""})
  public String rulesFile;

  /**
   * Compiled rule sets by configuration: loading the CRS takes seconds, so benchmarks run in one
   * JVM ({@code -f 0}) share it, as a proxy would.
   */
  private static final Map<String, RuleSet> COMPILED = new ConcurrentHashMap<>();

  RuleSet rules;

  @Setup(Level.Trial)
  public void compileRules() {
    String key = crsDir + "|" + paranoiaLevel + "|" + rulesFile;
    rules = COMPILED.computeIfAbsent(key, k -> compile());
  }

  private RuleSet compile() {
    if (!rulesFile.isEmpty()) {
      return RuleSet.builder().addVpatchDefaults().addFile(Path.of(rulesFile)).build();
    }
    Path crs = crsDir.isEmpty() ? CrsRuleSets.defaultDirectory() : Path.of(crsDir);
    return CrsRuleSets.load(crs, paranoiaLevel);
  }

  boolean isCrs() {
    return rulesFile.isEmpty();
  }

  ExchangeRunner runner(HttpExchange exchange) {
    return new ExchangeRunner(rules, exchange);
  }
}
