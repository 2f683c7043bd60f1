package dev.vpatch.engine.rules;

import dev.vpatch.engine.actions.Action;
import dev.vpatch.engine.actions.Disruptive;
import dev.vpatch.engine.actions.RuleSettings;
import dev.vpatch.engine.macros.Macro;
import dev.vpatch.engine.operators.Operator;
import dev.vpatch.engine.operators.PhraseSearch;
import dev.vpatch.engine.operators.RxOperator;
import dev.vpatch.engine.prefilter.LiteralPrefilter;
import dev.vpatch.engine.seclang.VariableSpec;
import dev.vpatch.engine.transformations.Transformation;
import dev.vpatch.engine.variables.KeySelector;
import dev.vpatch.engine.variables.Target;
import dev.vpatch.engine.variables.VariableKind;
import dev.vpatch.engine.variables.Variables;
import java.util.ArrayList;
import java.util.List;

/** Collects one rule (or chain link) while it is compiled; frozen into a {@link Rule}. */
final class RuleBuilder implements RuleSettings {
  long id;
  boolean hasId;
  int phase = 2;
  boolean hasPhase;
  final String file;
  final int line;
  String marker;
  final List<VariableSpec> variables = new ArrayList<>();
  final List<Target> targets = new ArrayList<>();
  Operator operator;
  String operatorName;
  String operatorArgument;
  boolean negated;
  final List<Transformation> transformations = new ArrayList<>();
  final List<String> transformationNames = new ArrayList<>();
  final List<Action> runtimeActions = new ArrayList<>();
  Macro message;
  Macro logData;
  int severity = -1;
  final List<String> tags = new ArrayList<>();
  String revision = "";
  String version = "";
  int maturity;
  int accuracy;
  boolean chain;
  boolean capture;
  boolean multiMatch;
  boolean log = true;
  boolean auditLog = true;
  Disruptive disruptive;
  int status;
  Macro redirectUrl;
  int skip;
  String skipAfter;
  RuleBuilder next;
  /** Handle of this link's literal requirement in the rule set's prefilter, or -1. */
  int prefilterHandle = -1;

  RuleBuilder(String file, int line) {
    this.file = file;
    this.line = line;
  }

  /** Applies an action: load-time ones configure, run-time ones are kept in order. */
  void apply(Action action) {
    action.configure(this);
    if (action.executesAtRunTime()) runtimeActions.add(action);
  }

  /** Builds the compiled targets: exclusions ({@code !VAR:key}) attach to targets of the same variable. */
  void compileTargets() {
    targets.clear();
    for (VariableSpec spec : variables) {
      if (spec.exclusion()) continue;
      VariableKind kind = Variables.kind(spec.name());
      if (kind == null) throw invalid("unknown variable " + spec.name());
      List<KeySelector> exclusions = new ArrayList<>();
      for (VariableSpec other : variables) {
        if (other.exclusion() && other.name().equals(spec.name())) exclusions.add(KeySelector.of(other));
      }
      targets.add(new Target(spec, kind, exclusions));
    }
  }

  /**
   * Registers with the prefilter the literals a match of this link (and its chain) needs, or the
   * phrases of its phrase search. Only request phases' phrase searches: the response's (error page
   * lists, thousands of long phrases, one body per transaction) would double the automaton every
   * request value is scanned with.
   */
  void registerLiterals(LiteralPrefilter.Builder prefilter) {
    registerLiterals(prefilter, phase);
  }

  private void registerLiterals(LiteralPrefilter.Builder prefilter, int chainPhase) {
    if (operator instanceof RxOperator && !negated) {
      List<java.util.Set<String>> literals = ((RxOperator) operator).requiredLiteralSets();
      if (!literals.isEmpty()) prefilterHandle = prefilter.addAll(literals);
    } else if (operator instanceof PhraseSearch search && !negated && chainPhase <= 2) {
      prefilterHandle = prefilter.addPhrases(search.phrases());
    }
    if (next != null) next.registerLiterals(prefilter, chainPhase);
  }

  Rule freeze(int ordinal, TransformationChain.Interner chains, LiteralPrefilter prefilter) {
    Rule frozenNext = next == null ? null : next.freeze(ordinal, chains, prefilter);
    return new Rule(this, ordinal, frozenNext, chains, prefilter);
  }

  @Override
  public void id(long id) {
    this.id = id;
    this.hasId = true;
  }

  @Override
  public void phase(int phase) {
    this.phase = phase;
    this.hasPhase = true;
  }

  @Override
  public void message(Macro message) {
    this.message = message;
  }

  @Override
  public void logData(Macro logData) {
    this.logData = logData;
  }

  @Override
  public void severity(int severity) {
    this.severity = severity;
  }

  @Override
  public void tag(String tag) {
    tags.add(tag);
  }

  @Override
  public void revision(String revision) {
    this.revision = revision;
  }

  @Override
  public void version(String version) {
    this.version = version;
  }

  @Override
  public void maturity(int maturity) {
    this.maturity = maturity;
  }

  @Override
  public void accuracy(int accuracy) {
    this.accuracy = accuracy;
  }

  @Override
  public void chain() {
    this.chain = true;
  }

  @Override
  public void skip(int count) {
    this.skip = count;
  }

  @Override
  public void skipAfter(String marker) {
    this.skipAfter = marker;
  }

  @Override
  public void capture() {
    this.capture = true;
  }

  @Override
  public void multiMatch() {
    this.multiMatch = true;
  }

  @Override
  public void log(boolean log) {
    this.log = log;
  }

  @Override
  public void auditLog(boolean auditLog) {
    this.auditLog = auditLog;
  }

  @Override
  public void status(int status) {
    this.status = status;
  }

  @Override
  public void redirectUrl(Macro url) {
    this.redirectUrl = url;
  }

  @Override
  public void disruptive(Disruptive disruptive) {
    this.disruptive = disruptive;
  }

  @Override
  public void clearTransformations() {
    transformations.clear();
    transformationNames.clear();
  }

  @Override
  public void transformation(String name, Transformation transformation) {
    transformations.add(transformation);
    transformationNames.add(name.toLowerCase(java.util.Locale.ROOT));
  }

  @Override
  public IllegalArgumentException invalid(String reason) {
    return new IllegalArgumentException(reason);
  }
}
