package dev.vpatch.engine.rules;

import dev.vpatch.engine.MatchedRule;
import dev.vpatch.engine.actions.Disruptive;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The rules that matched in one transaction, in the order they matched. Under CRS a transaction
 * matches some ninety rules that log nothing (initialisation, paranoia-level gates), each in the
 * middle of evaluation: a match is kept as its rule and the strings only the moment of the match
 * knows, and becomes a {@link MatchedRule} (a dozen fields read from the rule) when someone asks.
 */
public final class MatchLog {
  private static final int TEXTS = 4;
  private static final int MESSAGE = 0;
  private static final int DATA = 1;
  private static final int VARIABLE = 2;
  private static final int VALUE = 3;
  private static final Materialized NONE = new Materialized(List.of(), 0);

  private Rule[] rules;
  private int[] phases;
  /** Per match: whether {@link #reportedRules()} holds it (read from the rule while it is at hand). */
  private boolean[] reportable;
  private boolean anyLogged;
  /** Per match: message, log data, matched variable name, matched value. */
  private String[] texts;
  private int size;
  private Materialized every = NONE;
  private Materialized reported = NONE;

  /** @param expectedSize how many matches to make room for up front */
  public MatchLog(int expectedSize) {
    int capacity = Math.max(8, expectedSize);
    rules = new Rule[capacity];
    phases = new int[capacity];
    reportable = new boolean[capacity];
    texts = new String[capacity * TEXTS];
  }

  /**
   * @param message the expanded msg, or empty
   * @param data the expanded logdata, or empty
   * @param variable MATCHED_VAR_NAME at the match
   * @param value MATCHED_VAR at the match
   */
  public void add(Rule rule, int phase, String message, String data, String variable, String value) {
    ensureRoom(size + 1);
    rules[size] = rule;
    phases[size] = phase;
    reportable[size] = rule.log || rule.disruptive.blocks();
    anyLogged |= rule.log;
    int at = size * TEXTS;
    texts[at + MESSAGE] = message;
    texts[at + DATA] = data;
    texts[at + VARIABLE] = variable;
    texts[at + VALUE] = value;
    size++;
  }

  public int size() {
    return size;
  }

  /** Grows the arrays (at least doubling) so that {@code matches} fit. */
  private void ensureRoom(int matches) {
    if (matches <= rules.length) return;
    int capacity = Math.max(matches, size * 2);
    rules = Arrays.copyOf(rules, capacity);
    phases = Arrays.copyOf(phases, capacity);
    reportable = Arrays.copyOf(reportable, capacity);
    texts = Arrays.copyOf(texts, capacity * TEXTS);
  }

  /**
   * Appends every match of {@code source} (which is only read), in order. A matched variable name
   * or value that is the very instance {@code placeholderName} or {@code placeholderValue} becomes
   * {@code name} or {@code value}: a rule that matches without a variable (SecAction) records the
   * MATCHED_VAR of the rule before it, which the source could not know.
   */
  public void addAll(
      MatchLog source, String placeholderName, String placeholderValue, String name, String value) {
    int count = source.size;
    int total = size + count;
    ensureRoom(total);
    System.arraycopy(source.rules, 0, rules, size, count);
    System.arraycopy(source.phases, 0, phases, size, count);
    System.arraycopy(source.reportable, 0, reportable, size, count);
    System.arraycopy(source.texts, 0, texts, size * TEXTS, count * TEXTS);
    for (int at = size * TEXTS; at < total * TEXTS; at += TEXTS) {
      if (texts[at + VARIABLE] == placeholderName) texts[at + VARIABLE] = name;
      if (texts[at + VALUE] == placeholderValue) texts[at + VALUE] = value;
    }
    anyLogged |= source.anyLogged;
    size = total;
  }

  /** Whether every match so far is of a rule that lets evaluation go on (pass). */
  public boolean onlyPassingRules() {
    for (int i = 0; i < size; i++) {
      if (rules[i].disruptive != Disruptive.PASS) return false;
    }
    return true;
  }

  /** Whether a rule that logs matched (nolog rules are recorded, not reported). */
  public boolean anyLogged() {
    return anyLogged;
  }

  /** The matches so far, as records (an unmodifiable list; later matches are not in it). */
  public List<MatchedRule> matchedRules() {
    every = extend(every, false);
    return every.list;
  }

  /**
   * {@link #matchedRules()} without the rules that neither log nor block (CRS's initialisation
   * and paranoia-level gates, some ninety per transaction): what alerts, metrics and verdicts read.
   */
  public List<MatchedRule> reportedRules() {
    reported = extend(reported, true);
    return reported.list;
  }

  /** The matches up to {@code examined} (of {@link #size}), as records. */
  private record Materialized(List<MatchedRule> list, int examined) {}

  private Materialized extend(Materialized done, boolean reportedOnly) {
    if (done.examined == size) return done;
    List<MatchedRule> list = new ArrayList<>(done.list.size() + size - done.examined);
    list.addAll(done.list);
    for (int i = done.examined; i < size; i++) {
      if (!reportedOnly || reportable[i]) list.add(matchedRule(i));
    }
    return new Materialized(Collections.unmodifiableList(list), size);
  }

  private MatchedRule matchedRule(int i) {
    Rule rule = rules[i];
    int at = i * TEXTS;
    return new MatchedRule(
        rule.id,
        phases[i],
        texts[at + MESSAGE],
        texts[at + DATA],
        rule.severity,
        rule.tags,
        texts[at + VARIABLE],
        texts[at + VALUE],
        rule.file,
        rule.line,
        rule.revision,
        rule.version,
        rule.accuracy,
        rule.maturity,
        rule.disruptive.blocks(),
        rule.log);
  }
}
