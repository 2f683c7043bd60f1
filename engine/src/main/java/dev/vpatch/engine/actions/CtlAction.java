package dev.vpatch.engine.actions;

import dev.vpatch.engine.seclang.VariableListParser;
import dev.vpatch.engine.variables.KeySelector;
import java.util.Locale;

/**
 * {@code ctl:option=value}: changes the configuration of the running transaction only.
 * Supported: ruleEngine, ruleRemoveById (ids and ranges), ruleRemoveByTag, ruleRemoveByMsg,
 * ruleRemoveTargetById, ruleRemoveTargetByTag, requestBodyProcessor, requestBodyAccess,
 * responseBodyAccess, forceRequestBodyVariable, auditEngine, auditLogParts, requestBodyLimit.
 */
public final class CtlAction implements Action {
  private interface Effect {
    void apply(ActionContext context);
  }

  private final Effect effect;
  private final boolean changesWhichRulesRun;

  public CtlAction(String spec) {
    if (spec == null) throw new IllegalArgumentException("ctl needs option=value");
    int eq = spec.indexOf('=');
    if (eq <= 0) throw new IllegalArgumentException("ctl needs option=value, not '" + spec + "'");
    String option = spec.substring(0, eq).strip().toLowerCase(Locale.ROOT);
    String value = spec.substring(eq + 1).strip();
    effect = compile(option, value);
    changesWhichRulesRun = option.equals("ruleengine") || option.startsWith("ruleremove");
  }

  /**
   * Whether it switches the engine or removes rules or rule targets: then which rules run after it,
   * and on what, depends on the request.
   */
  public boolean changesWhichRulesRun() {
    return changesWhichRulesRun;
  }

  private static Effect compile(String option, String value) {
    switch (option) {
      case "ruleengine":
        String mode = value.toLowerCase(Locale.ROOT);
        if (!mode.equals("on") && !mode.equals("off") && !mode.equals("detectiononly")) {
          throw new IllegalArgumentException("ctl:ruleEngine must be On, Off or DetectionOnly");
        }
        return c -> c.ruleEngine(mode);
      case "ruleremovebyid":
        long[][] ranges = parseIdRanges(value);
        return c -> {
          for (long[] r : ranges) c.removeRuleById(r[0], r[1]);
        };
      case "ruleremovebytag":
        return c -> c.removeRuleByTag(value);
      case "ruleremovebymsg":
        return c -> c.removeRuleByMessage(value);
      case "ruleremovetargetbyid": {
        int semi = value.indexOf(';');
        if (semi < 0) throw new IllegalArgumentException("ctl:ruleRemoveTargetById needs ID;TARGET");
        long[][] idRanges = parseIdRanges(value.substring(0, semi));
        KeySelector target = parseTarget(value.substring(semi + 1));
        return c -> {
          for (long[] r : idRanges) c.removeTargetById(r[0], r[1], target);
        };
      }
      case "ruleremovetargetbytag": {
        int semi = value.indexOf(';');
        if (semi < 0) throw new IllegalArgumentException("ctl:ruleRemoveTargetByTag needs TAG;TARGET");
        String tag = value.substring(0, semi);
        KeySelector target = parseTarget(value.substring(semi + 1));
        return c -> c.removeTargetByTag(tag, target);
      }
      case "requestbodyprocessor":
        String processor = value.toUpperCase(Locale.ROOT);
        return c -> c.requestBodyProcessor(processor);
      case "requestbodyaccess":
        boolean requestAccess = onOff(option, value);
        return c -> c.requestBodyAccess(requestAccess);
      case "responsebodyaccess":
        boolean responseAccess = onOff(option, value);
        return c -> c.responseBodyAccess(responseAccess);
      case "forcerequestbodyvariable":
        boolean force = onOff(option, value);
        return c -> c.forceRequestBodyVariable(force);
      case "auditengine":
        return c -> c.auditEngine(value);
      case "auditlogparts":
        return c -> c.auditLogParts(value);
      case "requestbodylimit":
        long limit = Long.parseLong(value);
        return c -> c.requestBodyLimit(limit);
      case "debugloglevel":
        return c -> {};
      default:
        throw new IllegalArgumentException("unsupported ctl option '" + option + "'");
    }
  }

  private static boolean onOff(String option, String value) {
    if (value.equalsIgnoreCase("on")) return true;
    if (value.equalsIgnoreCase("off")) return false;
    throw new IllegalArgumentException("ctl:" + option + " must be On or Off");
  }

  /**
   * The target as a selector, compiled here once: a key regex compiled per request cost more than
   * the rest of a small rule set's transaction, and a broken one is reported with the rule.
   */
  private static KeySelector parseTarget(String text) {
    return KeySelector.of(VariableListParser.parse(text.strip(), "ctl", 0).get(0));
  }

  /** "1,2-5 7" style lists of ids and ranges. */
  public static long[][] parseIdRanges(String text) {
    String[] parts = text.strip().split("[,\\s]+");
    long[][] ranges = new long[parts.length][];
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      int dash = p.indexOf('-', 1);
      try {
        if (dash > 0) {
          ranges[i] = new long[] {Long.parseLong(p.substring(0, dash)), Long.parseLong(p.substring(dash + 1))};
        } else {
          long id = Long.parseLong(p);
          ranges[i] = new long[] {id, id};
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("invalid rule id or range '" + p + "'");
      }
    }
    return ranges;
  }

  @Override
  public ActionType type() {
    return ActionType.NON_DISRUPTIVE;
  }

  @Override
  public boolean executesAtRunTime() {
    return true;
  }

  @Override
  public void execute(ActionContext context) {
    effect.apply(context);
  }
}
