package dev.vpatch.engine.rules;

import com.google.re2j.Pattern;
import dev.vpatch.engine.RuleSet;
import dev.vpatch.engine.RuleSetBuilder;
import dev.vpatch.engine.actions.Action;
import dev.vpatch.engine.actions.ActionFactory;
import dev.vpatch.engine.actions.Actions;
import dev.vpatch.engine.actions.CtlAction;
import dev.vpatch.engine.actions.Disruptive;
import dev.vpatch.engine.operators.OperatorArgument;
import dev.vpatch.engine.operators.OperatorFactory;
import dev.vpatch.engine.operators.Operators;
import dev.vpatch.engine.macros.Macro;
import dev.vpatch.engine.prefilter.LiteralPrefilter;
import dev.vpatch.engine.transformations.UnicodeMap;
import dev.vpatch.engine.transformations.UrlDecodeUni;
import dev.vpatch.engine.seclang.ActionListParser;
import dev.vpatch.engine.seclang.ActionSpec;
import dev.vpatch.engine.seclang.Directive;
import dev.vpatch.engine.seclang.SecLangException;
import dev.vpatch.engine.seclang.SecLangParser;
import dev.vpatch.engine.seclang.VariableListParser;
import dev.vpatch.engine.seclang.VariableSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Interprets SecLang directives in order: engine configuration, default actions, rules, chains,
 * markers, and load-time rule updates and removals; then freezes everything into an immutable
 * {@link CompiledRuleSet}. Every error carries the directive's file and line.
 */
public final class RuleSetCompiler {
  private static final Set<String> IGNORED_DIRECTIVES =
      Set.of(
          "secdebuglog", "secdebugloglevel", "secpcrematchlimit", "secpcrematchlimitrecursion",
          "secstatusengine", "secserversignature", "secunicodecodepage",
          "seccookieformat", "seccookievnormal", "secauditlogtype", "secauditlogformat",
          "secauditlogstoragedir", "secauditlogdirmode", "secauditlogfilemode", "secauditlog2",
          "secuploaddir", "secuploadkeepfiles", "secuploadfilemode", "secuploadfilelimit",
          "sectmpsaveuploadedfiles", "secwebappid", "secsensorid", "secrequestbodyinmemorylimit",
          "seccollectiontimeout", "secdatadir", "sectmpdir", "secxmlexternalentity",
          "secconnengine", "secgeolookupdb", "sechttpblkey", "secruleperftime", "secstreaminbodyinspection",
          "secstreamoutbodyinspection", "secinterceptonerror", "secgsblookupdb", "secguardianlog",
          "seccachetransformations", "secchrootdir", "secdisablebackendcompression",
          "sechashengine", "sechashkey", "sechashparam", "sechashmethodrx", "sechashmethodpm",
          "secreadstatesfromfile", "secremoterulesfailaction");

  private final EngineConfig.Builder config = new EngineConfig.Builder();
  private final List<ActionSpec>[] defaults = newDefaults();
  private final List<RuleBuilder> starters = new ArrayList<>();
  private final Set<Long> ids = new HashSet<>();
  private RuleBuilder openChain;
  private UnicodeMap unicodeMap;

  private RuleSetCompiler() {}

  @SuppressWarnings("unchecked")
  private static List<ActionSpec>[] newDefaults() {
    return new List[6];
  }

  public static RuleSet compile(RuleSetBuilder builder) {
    RuleSetCompiler compiler = new RuleSetCompiler();
    for (RuleSetBuilder.Source source : builder.sources()) {
      for (Directive d : parse(source, new SecLangParser())) compiler.apply(d);
    }
    return compiler.finish(builder);
  }

  /**
   * Compiles everything it can and returns every problem found (empty when the rules are valid),
   * for {@code vpatch check}: a bad directive is reported and skipped, and compilation goes on.
   */
  public static List<SecLangException> validate(RuleSetBuilder builder) {
    List<SecLangException> errors = new ArrayList<>();
    RuleSetCompiler compiler = new RuleSetCompiler();
    for (RuleSetBuilder.Source source : builder.sources()) {
      List<Directive> directives;
      try {
        directives = parse(source, new SecLangParser(errors));
      } catch (SecLangException e) {
        errors.add(e);
        continue;
      }
      for (Directive d : directives) {
        RuleBuilder chainBefore = compiler.openChain;
        try {
          compiler.apply(d);
        } catch (SecLangException e) {
          errors.add(e);
          // Keep the chain structure of the broken rule so its links are not reported again.
          if (declaresChain(d)) {
            RuleBuilder placeholder = new RuleBuilder(d.file(), d.line());
            if (chainBefore != null) placeholder.phase = chainBefore.phase;
            compiler.openChain = placeholder;
            if (chainBefore == null) compiler.starters.add(placeholder);
          } else if (chainBefore != null) {
            compiler.openChain = null;
          }
        }
      }
    }
    try {
      compiler.finish(builder);
    } catch (SecLangException e) {
      errors.add(e);
    }
    return errors;
  }

  private static boolean declaresChain(Directive d) {
    String name = d.name().toLowerCase(Locale.ROOT);
    String actions = name.equals("secrule") ? d.argument(2) : name.equals("secaction") ? d.argument(0) : null;
    if (actions == null) return false;
    try {
      for (ActionSpec spec : ActionListParser.parse(actions, d.file(), d.line())) {
        if (spec.name().equalsIgnoreCase("chain")) return true;
      }
    } catch (SecLangException e) {
      return false;
    }
    return false;
  }

  private static List<Directive> parse(RuleSetBuilder.Source source, SecLangParser parser) {
    return source.path() != null
        ? parser.parseFile(source.path())
        : parser.parseText(source.text(), source.name(), Path.of("").toAbsolutePath());
  }

  private RuleSet finish(RuleSetBuilder builder) {
    if (openChain != null) {
      throw new SecLangException(openChain.file, openChain.line, "chain is not followed by a rule");
    }
    if (unicodeMap != null) {
      // As in ModSecurity, the map applies to every urlDecodeUni of the rule set, wherever the
      // directive stands.
      UrlDecodeUni mapped = new UrlDecodeUni(unicodeMap);
      for (RuleBuilder b : starters) {
        for (RuleBuilder l = b; l != null; l = l.next) {
          l.transformations.replaceAll(t -> t instanceof UrlDecodeUni ? mapped : t);
        }
      }
    }
    OperatorGroups.groupResponsePhraseSearches(starters);
    LiteralPrefilter.Builder literals = new LiteralPrefilter.Builder();
    for (RuleBuilder b : starters) b.registerLiterals(literals);
    LiteralPrefilter prefilter = literals.build();
    OperatorGroups.groupUnfilteredRegexes(starters);
    List<Rule> rules = new ArrayList<>(starters.size());
    TransformationChain.Interner chains = new TransformationChain.Interner();
    for (RuleBuilder b : starters) rules.add(b.freeze(rules.size(), chains, prefilter));
    return new CompiledRuleSet(
        config.build(), rules, prefilter, chains.size(), chains.steps(), builder.auditSink());
  }

  private void apply(Directive d) {
    String name = d.name().toLowerCase(Locale.ROOT);
    try {
      switch (name) {
        case "secrule":
          rule(d);
          return;
        case "secaction":
          action(d);
          return;
        case "secmarker":
          marker(d);
          return;
        case "secdefaultaction":
          defaultAction(d);
          return;
        case "secruleremovebyid":
          for (String arg : d.arguments()) removeById(CtlAction.parseIdRanges(arg));
          return;
        case "secruleremovebytag":
          for (String arg : d.arguments()) starters.removeIf(r -> matchesAny(r.tags, arg));
          return;
        case "secruleremovebymsg":
          for (String arg : d.arguments()) {
            starters.removeIf(r -> r.message != null && matches(r.message.source(), arg));
          }
          return;
        case "secruleupdatetargetbyid":
          updateTargets(d, r -> inRanges(r.id, CtlAction.parseIdRanges(one(d, 0))));
          return;
        case "secruleupdatetargetbytag":
          updateTargets(d, r -> matchesAny(r.tags, one(d, 0)));
          return;
        case "secruleupdatetargetbymsg":
          updateTargets(d, r -> r.message != null && matches(r.message.source(), one(d, 0)));
          return;
        case "secruleupdateactionbyid":
          updateActions(d);
          return;
        default:
          if (configure(name, d)) return;
          if (IGNORED_DIRECTIVES.contains(name)) return;
          throw d.error("unknown directive " + d.name());
      }
    } catch (SecLangException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw d.error(e.getMessage());
    }
  }

  private static String one(Directive d, int index) {
    String value = d.argument(index);
    if (value == null) throw d.error(d.name() + " needs more arguments");
    return value;
  }

  private boolean configure(String name, Directive d) {
    switch (name) {
      case "secruleengine":
        config.ruleEngine = EngineMode.parse(one(d, 0));
        return true;
      case "secrequestbodyaccess":
        config.requestBodyAccess = onOff(d);
        return true;
      case "secresponsebodyaccess":
        config.responseBodyAccess = onOff(d);
        return true;
      case "secrequestbodylimit":
        config.requestBodyLimit = number(d);
        return true;
      case "secrequestbodynofileslimit":
        config.requestBodyNoFilesLimit = number(d);
        return true;
      case "secrequestbodylimitaction":
        config.requestBodyLimitReject = limitAction(d);
        return true;
      case "secresponsebodylimit":
        config.responseBodyLimit = number(d);
        return true;
      case "secresponsebodylimitaction":
        config.responseBodyLimitReject = limitAction(d);
        return true;
      case "secresponsebodymimetype":
        for (String arg : d.arguments()) {
          for (String type : arg.split("\\s+")) {
            if (!type.isEmpty()) config.responseBodyMimeTypes.add(type.toLowerCase(Locale.ROOT));
          }
        }
        return true;
      case "secresponsebodymimetypesclear":
        config.responseBodyMimeTypes.clear();
        return true;
      case "secargumentseparator":
        String sep = one(d, 0);
        if (sep.length() != 1) throw d.error("SecArgumentSeparator takes one character");
        config.argumentSeparator = sep.charAt(0);
        return true;
      case "secargumentslimit":
        config.argumentsLimit = (int) number(d);
        return true;
      case "secrequestbodyjsondepthlimit":
        config.jsonDepthLimit = (int) number(d);
        return true;
      case "secauditengine":
        String mode = one(d, 0);
        if (!Set.of("on", "off", "relevantonly").contains(mode.toLowerCase(Locale.ROOT))) {
          throw d.error("SecAuditEngine must be On, Off or RelevantOnly");
        }
        config.auditEngine = mode;
        return true;
      case "secauditlogparts":
        String parts = one(d, 0);
        if (!parts.matches("[A-KZ]+")) throw d.error("SecAuditLogParts takes letters A-K and Z");
        config.auditLogParts = parts;
        return true;
      case "secauditlogrelevantstatus":
        config.auditLogRelevantStatus = compileRelevantStatus(one(d, 0));
        return true;
      case "secauditlog":
        config.auditLogPath = d.baseDirectory().resolve(one(d, 0)).toString();
        return true;
      case "secunicodemapfile":
        unicodeMap = loadUnicodeMap(d);
        return true;
      case "seccomponentsignature":
        config.componentSignatures.add(one(d, 0));
        return true;
      default:
        return false;
    }
  }

  private static UnicodeMap loadUnicodeMap(Directive d) {
    Path file = d.baseDirectory().resolve(one(d, 0));
    int codePage;
    try {
      codePage = Integer.parseInt(one(d, 1));
    } catch (NumberFormatException e) {
      throw d.error("SecUnicodeMapFile takes FILE CODEPAGE, e.g. unicode.mapping 20127");
    }
    try {
      return UnicodeMap.load(file, codePage);
    } catch (java.io.IOException e) {
      throw d.error("SecUnicodeMapFile: cannot read " + file + ": " + e.getMessage());
    }
  }

  private static Pattern compileRelevantStatus(String regex) {
    // ModSecurity's recommended value uses a lookahead, ^(?:5|4(?!04)); express that one without.
    String linear = regex.replace("4(?!04)", "4(?:[0-9][0-35-9]|[1-9][0-9])");
    try {
      return Pattern.compile(linear);
    } catch (com.google.re2j.PatternSyntaxException e) {
      throw new IllegalArgumentException("SecAuditLogRelevantStatus: unsupported regex " + regex);
    }
  }

  private static boolean onOff(Directive d) {
    String v = one(d, 0);
    if (v.equalsIgnoreCase("on")) return true;
    if (v.equalsIgnoreCase("off")) return false;
    throw d.error(d.name() + " must be On or Off, not '" + v + "'");
  }

  private static boolean limitAction(Directive d) {
    String v = one(d, 0);
    if (v.equalsIgnoreCase("reject")) return true;
    if (v.equalsIgnoreCase("processpartial")) return false;
    throw d.error(d.name() + " must be Reject or ProcessPartial");
  }

  private static long number(Directive d) {
    String v = one(d, 0);
    try {
      long n = Long.parseLong(v);
      if (n < 0) throw d.error(d.name() + " must not be negative");
      return n;
    } catch (NumberFormatException e) {
      throw d.error(d.name() + " takes a number, not '" + v + "'");
    }
  }

  private void defaultAction(Directive d) {
    List<ActionSpec> specs = ActionListParser.parse(one(d, 0), d.file(), d.line());
    int phase = -1;
    for (ActionSpec spec : specs) {
      String n = spec.name().toLowerCase(Locale.ROOT);
      if (Set.of("id", "msg", "tag", "rev", "ver", "severity", "logdata", "chain", "skip", "skipafter").contains(n)) {
        throw d.error("SecDefaultAction must not contain " + spec.name());
      }
      ActionFactory f = Actions.lookup(spec.name());
      if (f == null) throw d.error("unknown action " + spec.name());
      RuleBuilder probe = new RuleBuilder(d.file(), d.line());
      f.create(spec.value()).configure(probe);
      if (n.equals("phase")) phase = probe.phase;
    }
    if (phase < 0) throw d.error("SecDefaultAction must specify a phase");
    defaults[phase] = specs;
  }

  private void marker(Directive d) {
    ensureNoOpenChain(d);
    RuleBuilder b = new RuleBuilder(d.file(), d.line());
    b.marker = one(d, 0);
    starters.add(b);
  }

  private void action(Directive d) {
    RuleBuilder b = new RuleBuilder(d.file(), d.line());
    b.operatorName = "unconditionalMatch";
    b.operatorArgument = "";
    b.operator = (ctx, input) -> true;
    addRule(d, b, d.arguments().isEmpty() ? "" : d.argument(0));
  }

  private void rule(Directive d) {
    if (d.arguments().size() < 2 || d.arguments().size() > 3) {
      throw d.error("SecRule takes VARIABLES \"OPERATOR\" [\"ACTIONS\"]");
    }
    RuleBuilder b = new RuleBuilder(d.file(), d.line());
    b.variables.addAll(VariableListParser.parse(d.argument(0), d.file(), d.line()));
    compileOperator(d, b, d.argument(1));
    addRule(d, b, d.arguments().size() == 3 ? d.argument(2) : "");
  }

  private static void compileOperator(Directive d, RuleBuilder b, String text) {
    String s = text;
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    if (i < s.length() && s.charAt(i) == '!') {
      b.negated = true;
      i++;
    }
    String name;
    String argument;
    if (i < s.length() && s.charAt(i) == '@') {
      int nameEnd = i + 1;
      while (nameEnd < s.length() && !Character.isWhitespace(s.charAt(nameEnd))) nameEnd++;
      name = s.substring(i + 1, nameEnd);
      int argStart = nameEnd;
      if (argStart < s.length()) argStart++;
      argument = s.substring(argStart);
    } else {
      name = "rx";
      argument = s.substring(i);
    }
    OperatorFactory factory = Operators.lookup(name);
    if (factory == null) throw d.error("unknown operator @" + name);
    b.operatorName = name;
    b.operatorArgument = argument;
    try {
      b.operator = factory.create(new OperatorArgument(argument, Macro.compile(argument), d.baseDirectory()));
    } catch (IllegalArgumentException e) {
      throw d.error("@" + name + ": " + e.getMessage());
    }
  }

  private void addRule(Directive d, RuleBuilder b, String actionText) {
    List<ActionSpec> specs = ActionListParser.parse(actionText, d.file(), d.line());
    boolean isLink = openChain != null;
    int phase = isLink ? chainStarter().phase : phaseOf(d, specs);
    b.phase = phase;
    List<ActionSpec> inherited = defaults[phase] != null ? defaults[phase] : List.of();
    for (ActionSpec spec : inherited) {
      if (isLink && isDisruptiveOrPhase(spec)) continue;
      configureWith(d, b, spec);
    }
    Disruptive inheritedDisruptive = b.disruptive;
    int inheritedStatus = b.status;
    b.disruptive = null;
    b.status = 0;
    for (ActionSpec spec : specs) configureWith(d, b, spec);
    if (isLink) {
      for (ActionSpec spec : specs) {
        String n = spec.name().toLowerCase(Locale.ROOT);
        if (n.equals("id") || n.equals("phase") || (isDisruptiveOrPhase(spec) && !n.equals("pass"))) {
          throw d.error("a chained rule must not have " + spec.name() + " (put it on the first rule of the chain)");
        }
      }
      b.phase = phase;
    } else {
      if (!b.hasId) throw d.error("rule has no id");
      if (b.id <= 0) throw d.error("rule id must be positive");
      if (!ids.add(b.id)) throw d.error("duplicate rule id " + b.id);
      resolveDisruptive(b, inheritedDisruptive, inheritedStatus);
    }
    try {
      b.compileTargets();
    } catch (IllegalArgumentException e) {
      throw d.error(e.getMessage());
    }
    if (isLink) {
      openChain.next = b;
    } else {
      starters.add(b);
    }
    openChain = b.chain ? b : null;
  }

  private RuleBuilder chainStarter() {
    return starters.get(starters.size() - 1);
  }

  private static void resolveDisruptive(RuleBuilder b, Disruptive inherited, int inheritedStatus) {
    Disruptive fallback = inherited == null || inherited == Disruptive.BLOCK ? Disruptive.PASS : inherited;
    if (b.disruptive == null) {
      b.disruptive = fallback;
      if (b.status == 0) b.status = inheritedStatus;
    } else if (b.disruptive == Disruptive.BLOCK) {
      b.disruptive = fallback;
      if (b.status == 0) b.status = inheritedStatus;
    }
  }

  private static boolean isDisruptiveOrPhase(ActionSpec spec) {
    switch (spec.name().toLowerCase(Locale.ROOT)) {
      case "phase":
      case "deny":
      case "drop":
      case "block":
      case "pass":
      case "allow":
      case "redirect":
      case "status":
        return true;
      default:
        return false;
    }
  }

  private static int phaseOf(Directive d, List<ActionSpec> specs) {
    int phase = 2;
    for (ActionSpec spec : specs) {
      if (spec.name().equalsIgnoreCase("phase")) {
        RuleBuilder probe = new RuleBuilder(d.file(), d.line());
        configureWith(d, probe, spec);
        phase = probe.phase;
      }
    }
    return phase;
  }

  private static void configureWith(Directive d, RuleBuilder b, ActionSpec spec) {
    ActionFactory factory = Actions.lookup(spec.name());
    if (factory == null) throw d.error("unknown action '" + spec.name() + "'");
    Action action;
    try {
      action = factory.create(spec.value());
      b.apply(action);
    } catch (IllegalArgumentException e) {
      throw d.error(spec.name() + ": " + e.getMessage());
    }
  }

  private void ensureNoOpenChain(Directive d) {
    if (openChain != null) {
      throw d.error("rule " + chainStarter().id + " ends with chain but no rule follows");
    }
  }

  private void removeById(long[][] ranges) {
    starters.removeIf(r -> r.marker == null && inRanges(r.id, ranges));
  }

  static boolean inRanges(long id, long[][] ranges) {
    for (long[] r : ranges) {
      if (id >= r[0] && id <= r[1]) return true;
    }
    return false;
  }

  private static boolean matchesAny(List<String> tags, String pattern) {
    for (String tag : tags) {
      if (matches(tag, pattern)) return true;
    }
    return false;
  }

  static boolean matches(String value, String pattern) {
    if (value.equals(pattern)) return true;
    try {
      return Pattern.compile(pattern).matcher(value).find();
    } catch (com.google.re2j.PatternSyntaxException e) {
      return false;
    }
  }

  private void updateTargets(Directive d, java.util.function.Predicate<RuleBuilder> which) {
    List<VariableSpec> add = VariableListParser.parse(one(d, 1), d.file(), d.line());
    String replaced = d.argument(2);
    for (RuleBuilder r : starters) {
      if (r.marker != null || !which.test(r)) continue;
      if (replaced != null) {
        List<VariableSpec> old = VariableListParser.parse(replaced, d.file(), d.line());
        r.variables.removeIf(v -> old.stream().anyMatch(o -> o.toString().equalsIgnoreCase(v.toString())));
      }
      r.variables.addAll(add);
      r.compileTargets();
    }
  }

  private void updateActions(Directive d) {
    long[][] ranges = CtlAction.parseIdRanges(one(d, 0));
    List<ActionSpec> specs = ActionListParser.parse(one(d, 1), d.file(), d.line());
    for (RuleBuilder r : starters) {
      if (r.marker != null || !inRanges(r.id, ranges)) continue;
      Disruptive before = r.disruptive;
      r.disruptive = null;
      for (ActionSpec spec : specs) {
        String n = spec.name().toLowerCase(Locale.ROOT);
        if (n.equals("id") || n.equals("phase")) throw d.error("SecRuleUpdateActionById cannot change " + n);
        if (n.equals("tag")) r.tags.clear();
        configureWith(d, r, spec);
      }
      if (r.disruptive == null) r.disruptive = before;
      else if (r.disruptive == Disruptive.BLOCK) {
        List<ActionSpec> inherited = defaults[r.phase] != null ? defaults[r.phase] : List.of();
        RuleBuilder probe = new RuleBuilder(d.file(), d.line());
        for (ActionSpec spec : inherited) configureWith(d, probe, spec);
        r.disruptive = null;
        resolveDisruptive(r, probe.disruptive, probe.status);
      }
    }
  }
}
