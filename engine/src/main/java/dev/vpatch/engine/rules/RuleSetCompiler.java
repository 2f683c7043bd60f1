package dev.vpatch.engine.rules;

import dev.vpatch.engine.RuleSet;
import dev.vpatch.engine.RuleSetBuilder;

/** Parses every source of a builder and compiles the result into an immutable rule set. */
public final class RuleSetCompiler {
  private RuleSetCompiler() {}

  public static RuleSet compile(RuleSetBuilder builder) {
    throw new UnsupportedOperationException("under construction");
  }
}
