package dev.vpatch.engine.rules;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.vpatch.engine.RuleCost;
import dev.vpatch.engine.RuleSet;
import dev.vpatch.engine.Transaction;
import dev.vpatch.engine.audit.AuditFileSink;
import dev.vpatch.engine.audit.AuditSink;
import dev.vpatch.engine.prefilter.LiteralPrefilter;
import dev.vpatch.engine.transaction.ConstantBlockOutcome;
import dev.vpatch.engine.transaction.DefaultTransaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** The immutable result of compiling SecLang: rules per phase, markers, and configuration. */
public final class CompiledRuleSet implements RuleSet {
  private final EngineConfig config;
  private final Rule[][] phases = new Rule[6][];
  /** Per phase and rule position: where its skipAfter marker is (-1: none or not found). */
  private final int[][] skipAfterPositions = new int[6][];
  private final List<Rule> rules;
  private final AuditSink auditSink;
  private final boolean hasResponseBodyPhaseRules;
  private final boolean hasResponsePhaseRules;
  private final LiteralPrefilter prefilter;
  private final int transformationChains;
  private final int transformationSteps;
  private final String idPrefix = Long.toHexString(UUID.randomUUID().getMostSignificantBits() & 0xffffffffL);
  private final AtomicLong sequence = new AtomicLong();
  /** How many TX variables a transaction of this rule set holds (at its logging phase). */
  private final SizeHint txSize = new SizeHint(512);
  /**
   * How many value instances a transaction's transformation cache describes. Capped low: a
   * client sending huge forms moves the average, and every transaction then zeroes that table
   * (1,024 instances: 16 KB; a CRS browser GET uses some 90, a 4 KB form 540).
   */
  private final SizeHint transformedValues = new SizeHint(1024);
  /** How many matches a transaction records (CRS: some 90 per benign GET, most of them nolog). */
  private final SizeHint matchCount = new SizeHint(256);
  /** Phase 1's constant block when its outcome stands for it (else null), and that outcome. */
  private final ConstantBlock constantBlock;
  private final ConstantBlockOutcome constantBlockOutcome;
  /** Per phase and position, the verdicts fixed after the constant block (see StableTx); or null. */
  private final FoldedVerdict[][] foldedVerdicts;
  /** By tag, the chains that carry it; filled as ctl actions ask (their tags are constants). */
  private final Map<String, RuleBitSet> rulesByTag = new ConcurrentHashMap<>();
  /**
   * By ctl:ruleRemoveByTag argument, the chains it removes; filled as ctl actions ask (their
   * arguments are constants, so the map holds at most one entry per such action).
   */
  private final Map<String, RuleBitSet> rulesByTagPattern = new ConcurrentHashMap<>();
  /** By ctl:ruleRemoveByMsg argument (a constant too), the chains it removes; filled likewise. */
  private final Map<String, RuleBitSet> rulesByMessage = new ConcurrentHashMap<>();
  /** Null unless {@link RuleCosts#ENABLED}, and until the rule set is built. */
  private final RuleCosts costs;

  CompiledRuleSet(
      EngineConfig config,
      List<Rule> starters,
      LiteralPrefilter prefilter,
      int transformationChains,
      int transformationSteps,
      AuditSink auditSink) {
    this.config = config;
    this.prefilter = prefilter;
    this.transformationChains = transformationChains;
    this.transformationSteps = transformationSteps;
    this.rules = List.copyOf(starters);
    for (int phase = 0; phase <= 5; phase++) {
      List<Rule> list = new ArrayList<>();
      Map<String, Integer> markers = new HashMap<>();
      for (Rule r : starters) {
        if (r.isMarker()) {
          markers.putIfAbsent(r.marker, list.size());
          list.add(r);
        } else if (r.phase == phase) {
          list.add(r);
        }
      }
      phases[phase] = list.toArray(Rule[]::new);
      int[] skipTo = new int[list.size()];
      for (int i = 0; i < skipTo.length; i++) {
        String marker = list.get(i).skipAfter;
        Integer position = marker == null ? null : markers.get(marker);
        skipTo[i] = position == null ? -1 : position;
      }
      skipAfterPositions[phase] = skipTo;
    }
    this.hasResponseBodyPhaseRules = hasRules(phases[4]) || hasRules(phases[5]);
    this.hasResponsePhaseRules = hasResponseBodyPhaseRules || hasRules(phases[3]);
    AuditSink sink = auditSink;
    if (sink == null && config.auditLogPath() != null && !config.auditEngine().equalsIgnoreCase("off")) {
      sink = new AuditFileSink(java.nio.file.Path.of(config.auditLogPath()));
    }
    this.auditSink = sink;
    // Last: the outcome is computed by a transaction of this (otherwise complete) rule set, which
    // evaluates the whole phase while the outcome is still null.
    ConstantBlock block = ConstantBlock.find(phases[1]);
    ConstantBlockOutcome outcome = block == null ? null : ConstantBlockOutcome.of(this, block);
    this.constantBlock = outcome == null ? null : block;
    this.constantBlockOutcome = outcome;
    this.foldedVerdicts = outcome == null ? null : StableTx.foldedVerdicts(phases, block, outcome.verdicts(this));
    // After the outcome's transaction, which is not traffic.
    this.costs = RuleCosts.ENABLED ? new RuleCosts(rules) : null;
  }

  private static boolean hasRules(Rule[] phase) {
    for (Rule r : phase) {
      if (!r.isMarker()) return true;
    }
    return false;
  }

  public EngineConfig config() {
    return config;
  }

  /** Phase 1's constant block, when transactions take its outcome over; else null. */
  public ConstantBlock constantBlockInUse() {
    return constantBlock;
  }

  /** What a transaction holds after {@link #constantBlockInUse()}; null when that is null. */
  public ConstantBlockOutcome constantBlockOutcome() {
    return constantBlockOutcome;
  }

  /**
   * Per position of {@code phase}, the verdict of each rule that reads only TX members the
   * constant block set and nothing after it changes, for transactions that took the block over
   * and removed no TX target (null entries: evaluate); null when the phase has none.
   */
  public FoldedVerdict[] foldedVerdicts(int phase) {
    return foldedVerdicts == null ? null : foldedVerdicts[phase];
  }

  /** The rules and markers of a phase, in order. */
  public Rule[] phase(int phase) {
    return phases[phase];
  }

  /**
   * Index in the phase of the marker that the rule at {@code index} skips to, or -1 (no
   * skipAfter, or its marker is missing); resolved once, not looked up per match.
   */
  public int skipAfterPosition(int phase, int index) {
    return skipAfterPositions[phase][index];
  }

  public List<Rule> rules() {
    return rules;
  }

  /** The chains whose starter carries {@code tag} (exact, case-sensitive, as ModSecurity compares). */
  public RuleBitSet rulesTagged(String tag) {
    return rulesByTag.computeIfAbsent(tag, t -> chainsWhere(r -> r.tags.contains(t)));
  }

  /**
   * The chains ctl:ruleRemoveByTag={@code pattern} removes: a tag of the starter equals it, or
   * the pattern (a regex; its literal text when it is not one) finds in a tag. Worked out once per
   * argument: a transaction then tests one bit per rule instead of matching every tag.
   */
  public RuleBitSet rulesTagMatching(String pattern) {
    return rulesByTagPattern.computeIfAbsent(pattern, p -> {
      Pattern regex = regexOrLiteral(p);
      return chainsWhere(r -> r.tags.stream().anyMatch(tag -> tag.equals(p) || regex.matcher(tag).find()));
    });
  }

  private static Pattern regexOrLiteral(String text) {
    try {
      return Pattern.compile(text);
    } catch (PatternSyntaxException e) {
      return Pattern.compile(Pattern.quote(text));
    }
  }

  /** The chains ctl:ruleRemoveByMsg={@code message} removes: their msg, as written, is that text. */
  public RuleBitSet rulesWithMessage(String message) {
    return rulesByMessage.computeIfAbsent(
        message, m -> chainsWhere(r -> r.message != null && r.message.source().equals(m)));
  }

  /** The chains whose starter satisfies {@code test}. */
  private RuleBitSet chainsWhere(Predicate<Rule> test) {
    RuleBitSet chains = new RuleBitSet(rules.size());
    for (Rule r : rules) {
      if (test.test(r)) chains.add(r.ordinal);
    }
    return chains;
  }

  public LiteralPrefilter prefilter() {
    return prefilter;
  }

  /** How many TX variables a new transaction should size its TX collection for. */
  public SizeHint txSize() {
    return txSize;
  }

  /** How many value instances a new transaction should size its transformation cache for. */
  public SizeHint transformedValues() {
    return transformedValues;
  }

  /** How many matches a new transaction should size its list of matched rules for. */
  public SizeHint matchCount() {
    return matchCount;
  }

  /** How many {@link TransformationChain} nodes the rules share; their ids run from 1 to this. */
  public int transformationChains() {
    return transformationChains;
  }

  /** How many distinct transformations those chains use ({@link TransformationChain#stepId()}). */
  public int transformationSteps() {
    return transformationSteps;
  }

  /**
   * Whether a rule runs in phase 4 or 5, the phases that can read RESPONSE_BODY (and, in phase 4,
   * still replace the response).
   */
  public boolean hasResponseBodyPhaseRules() {
    return hasResponseBodyPhaseRules;
  }

  /** Whether a rule runs in phase 3, 4 or 5: after the response head, which they may read. */
  public boolean hasResponsePhaseRules() {
    return hasResponsePhaseRules;
  }

  public AuditSink auditSink() {
    return auditSink;
  }

  @Override
  public Transaction newTransaction() {
    return newTransaction(idPrefix + "-" + Long.toHexString(sequence.incrementAndGet()));
  }

  @Override
  public Transaction newTransaction(String id) {
    return new DefaultTransaction(this, id);
  }

  /** Where the rule evaluator records its timings; null when they are off. */
  RuleCosts costs() {
    return costs;
  }

  @Override
  public List<RuleCost> ruleCosts() {
    return costs == null ? List.of() : costs.snapshot();
  }

  @Override
  public void resetRuleCosts() {
    if (costs != null) costs.reset();
  }

  @Override
  public int ruleCount() {
    int n = 0;
    for (Rule r : rules) {
      if (!r.isMarker()) n++;
    }
    return n;
  }
}
