package dev.vpatch.engine.actions;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The registry of actions by SecLang name (case-insensitive). One line per action. */
public final class Actions {
  private static final Map<String, ActionFactory> FACTORIES = new TreeMap<>();

  static {
    register("id", IdAction::new);
    register("phase", PhaseAction::new);
    register("msg", MsgAction::new);
    register("logdata", LogDataAction::new);
    register("severity", SeverityAction::new);
    register("tag", TagAction::new);
    register("rev", RevAction::new);
    register("ver", VerAction::new);
    register("maturity", MaturityAction::new);
    register("accuracy", AccuracyAction::new);
    register("chain", ChainAction::new);
    register("skip", SkipAction::new);
    register("skipafter", SkipAfterAction::new);
    register("capture", CaptureAction::new);
    register("multimatch", MultiMatchAction::new);
    register("log", LogAction::new);
    register("nolog", NoLogAction::new);
    register("auditlog", AuditLogAction::new);
    register("noauditlog", NoAuditLogAction::new);
    register("status", StatusAction::new);
    register("deny", DenyAction::new);
    register("drop", DropAction::new);
    register("block", BlockAction::new);
    register("pass", PassAction::new);
    register("allow", AllowAction::new);
    register("redirect", RedirectAction::new);
    register("t", TransformationAction::new);
    register("setvar", SetVarAction::new);
    register("setenv", SetEnvAction::new);
    register("ctl", CtlAction::new);
    register("initcol", v -> new AcceptedAction(ActionType.NON_DISRUPTIVE));
    register("expirevar", v -> new AcceptedAction(ActionType.NON_DISRUPTIVE));
    register("deprecatevar", v -> new AcceptedAction(ActionType.NON_DISRUPTIVE));
    register("setuid", v -> new AcceptedAction(ActionType.NON_DISRUPTIVE));
    register("setsid", v -> new AcceptedAction(ActionType.NON_DISRUPTIVE));
    register("setrsc", v -> new AcceptedAction(ActionType.NON_DISRUPTIVE));
    register("sanitisearg", v -> new AcceptedAction(ActionType.NON_DISRUPTIVE));
    register("sanitisematched", v -> new AcceptedAction(ActionType.NON_DISRUPTIVE));
    register("sanitisematchedbytes", v -> new AcceptedAction(ActionType.NON_DISRUPTIVE));
    register("sanitiserequestheader", v -> new AcceptedAction(ActionType.NON_DISRUPTIVE));
    register("sanitiseresponseheader", v -> new AcceptedAction(ActionType.NON_DISRUPTIVE));
    register("xmlns", v -> new AcceptedAction(ActionType.DATA));
  }

  private Actions() {}

  private static void register(String name, ActionFactory factory) {
    FACTORIES.put(name.toLowerCase(Locale.ROOT), factory);
  }

  /** The factory for {@code name}, or null when unknown. */
  public static ActionFactory lookup(String name) {
    return FACTORIES.get(name.toLowerCase(Locale.ROOT));
  }

  public static Set<String> names() {
    return FACTORIES.keySet();
  }
}
