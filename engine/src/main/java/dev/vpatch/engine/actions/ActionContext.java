package dev.vpatch.engine.actions;

import dev.vpatch.engine.macros.Macro;
import dev.vpatch.engine.variables.KeySelector;
import dev.vpatch.engine.variables.LiteralKey;

/** What run-time actions may do to the transaction. */
public interface ActionContext {
  String expand(Macro macro);

  /** Sets a member of a mutable collection (TX, IP, SESSION, USER, GLOBAL, RESOURCE). */
  void setVariable(String collection, String key, String value);

  /** {@link #setVariable(String, String, String)} for a key the rule spells out. */
  void setVariable(String collection, LiteralKey key, String value);

  /** The current value of a collection member, or null. */
  String variable(String collection, String key);

  /** {@link #variable(String, String)} for a key the rule spells out. */
  String variable(String collection, LiteralKey key);

  void deleteVariable(String collection, String key);

  void setEnvironment(String name, String value);

  /** ctl:ruleEngine. */
  void ruleEngine(String mode);

  void removeRuleById(long from, long to);

  void removeRuleByTag(String tag);

  void removeRuleByMessage(String message);

  /**
   * ctl:ruleRemoveTargetById: the rules with ids in [from, to] stop reading what {@code target}
   * selects.
   */
  void removeTargetById(long from, long to, KeySelector target);

  /**
   * ctl:ruleRemoveTargetByTag: the rules tagged {@code tag} stop reading what {@code target}
   * selects.
   */
  void removeTargetByTag(String tag, KeySelector target);

  void requestBodyProcessor(String name);

  void requestBodyAccess(boolean on);

  void responseBodyAccess(boolean on);

  void forceRequestBodyVariable(boolean on);

  void auditEngine(String mode);

  void auditLogParts(String parts);

  void requestBodyLimit(long bytes);

  /** Id of the rule whose actions run (for macros like %{rule.id}). */
  long ruleId();
}
