package dev.vpatch.engine.actions;

import dev.vpatch.engine.macros.Macro;
import dev.vpatch.engine.transformations.Transformation;

/** What load-time actions may set on the rule being compiled. */
public interface RuleSettings {
  void id(long id);

  void phase(int phase);

  void message(Macro message);

  void logData(Macro logData);

  void severity(int severity);

  void tag(String tag);

  void revision(String revision);

  void version(String version);

  void maturity(int maturity);

  void accuracy(int accuracy);

  void chain();

  void skip(int count);

  void skipAfter(String marker);

  void capture();

  void multiMatch();

  void log(boolean log);

  void auditLog(boolean auditLog);

  void status(int status);

  void redirectUrl(Macro url);

  void disruptive(Disruptive disruptive);

  /** {@code t:none} clears the transformations inherited so far. */
  void clearTransformations();

  void transformation(String name, Transformation transformation);

  /** Reports an invalid action value; the compiler adds file and line. */
  IllegalArgumentException invalid(String reason);
}
