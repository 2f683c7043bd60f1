package dev.vpatch.engine.rules;

import dev.vpatch.engine.operators.GroupedOperator;
import dev.vpatch.engine.operators.GroupedPhraseSearch;
import dev.vpatch.engine.operators.OperatorGroup;
import dev.vpatch.engine.operators.PhraseGroup;
import dev.vpatch.engine.operators.PhraseSearch;
import dev.vpatch.engine.operators.RegexGroup;
import dev.vpatch.engine.operators.RxOperator;
import dev.vpatch.engine.operators.regex.PcrePattern;
import dev.vpatch.engine.seclang.VariableSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds the operators of a rule set that can share one pass over a value ({@link OperatorGroup})
 * and wraps each in a {@link GroupedOperator}. Runs once the literal prefilter knows every
 * operator's literals, so a wrapped operator keeps its prefilter requirement.
 */
final class OperatorGroups {
  /**
   * A union DFA of this many patterns still stays small over benign text; a bigger one would be
   * asked about values few of its members read.
   */
  static final int MAX_REGEXES_PER_GROUP = 8;

  private OperatorGroups() {}

  /**
   * Puts the phrase searches of the response and logging phases into {@link PhraseGroup}s of up to
   * 64: the request phases' searches are filtered by the literal prefilter already, the response's
   * (long error-text lists, one body) would double the automaton every request value is scanned
   * with, so they share a scan of their own instead.
   */
  static void groupResponsePhraseSearches(List<RuleBuilder> starters) {
    List<RuleBuilder> links = new ArrayList<>();
    for (RuleBuilder b : starters) {
      if (b.phase < 3) continue;
      for (RuleBuilder l = b; l != null; l = l.next) {
        if (l.operator instanceof PhraseSearch) links.add(l);
      }
    }
    inGroupsOf(OperatorGroup.MAX_MEMBERS, links, members -> {
      PhraseGroup group = PhraseGroup.of(members.stream().map(l -> (PhraseSearch) l.operator).toList());
      for (int i = 0; i < members.size(); i++) {
        members.get(i).operator = new GroupedPhraseSearch(members.get(i).operator, group, i);
      }
    });
  }

  /**
   * Puts the regex searches the prefilter cannot narrow (no required literal, or one of a single
   * character, which nearly every value holds) into {@link RegexGroup}s: links of one phase that
   * read the same targets through the same transformations, with no flow control between them,
   * ask about the same value instances, so one union search per value answers for all of them.
   * (Grouped otherwise, a union would be searched for values few of its members read, or hold
   * patterns a paranoia level skips.) Negated links are left alone: their pattern usually matches.
   */
  static void groupUnfilteredRegexes(List<RuleBuilder> starters) {
    Map<ReadSite, List<RuleBuilder>> bySite = new LinkedHashMap<>();
    int phase = -1;
    int stretch = 0;
    for (RuleBuilder b : starters) {
      if (b.phase != phase || b.marker != null) {
        phase = b.phase;
        stretch++;
      }
      for (RuleBuilder l = b; l != null; l = l.next) {
        if (l.negated || !(l.operator instanceof RxOperator rx) || rx.pattern() == null) continue;
        if (!unfiltered(rx.requiredLiterals())) continue;
        ReadSite site = new ReadSite(stretch, List.copyOf(l.variables), List.copyOf(l.transformationNames));
        bySite.computeIfAbsent(site, s -> new ArrayList<>()).add(l);
      }
      // Rules past a skip may not run when the rules before it do.
      if (b.skipAfter != null || b.skip > 0) stretch++;
    }
    for (List<RuleBuilder> links : bySite.values()) inGroupsOf(MAX_REGEXES_PER_GROUP, links, OperatorGroups::group);
  }

  /** Hands {@code links} on in consecutive runs of up to {@code size}; a last single link is left out. */
  private static void inGroupsOf(int size, List<RuleBuilder> links, Consumer<List<RuleBuilder>> grouping) {
    for (int from = 0; links.size() - from >= 2; from += size) {
      grouping.accept(links.subList(from, Math.min(links.size(), from + size)));
    }
  }

  /** Where a link reads its values: a stretch of rules that run together, targets, transformations. */
  private record ReadSite(int stretch, List<VariableSpec> variables, List<String> transformations) {}

  private static void group(List<RuleBuilder> members) {
    List<PcrePattern> patterns = new ArrayList<>(members.size());
    for (RuleBuilder l : members) patterns.add(((RxOperator) l.operator).pattern());
    RegexGroup group = RegexGroup.of(patterns);
    if (group == null) return;
    for (int i = 0; i < members.size(); i++) {
      members.get(i).operator = new GroupedOperator(members.get(i).operator, group, i);
    }
  }

  private static boolean unfiltered(Set<String> requiredLiterals) {
    if (requiredLiterals.isEmpty()) return true;
    for (String literal : requiredLiterals) {
      if (literal.length() <= 1) return true;
    }
    return false;
  }
}
