package dev.vpatch.bench;

import dev.vpatch.engine.RuleSet;
import java.nio.file.Path;
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

  RuleSet rules;

  @Setup(Level.Trial)
  public void compileRules() {
    if (!rulesFile.isEmpty()) {
      rules = RuleSet.builder().addVpatchDefaults().addFile(Path.of(rulesFile)).build();
    } else {
      Path crs = crsDir.isEmpty() ? CrsRuleSets.defaultDirectory() : Path.of(crsDir);
      rules = CrsRuleSets.load(crs, paranoiaLevel);
    }
  }

  boolean isCrs() {
    return rulesFile.isEmpty();
  }

  ExchangeRunner runner(HttpExchange exchange) {
    return new ExchangeRunner(rules, exchange);
  }
}
