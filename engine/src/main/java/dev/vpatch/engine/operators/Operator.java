package dev.vpatch.engine.operators;

import dev.vpatch.engine.transformations.ByteClasses;

/**
 * A compiled SecLang operator ({@code @rx}, {@code @pm}, ...). Instances are created once at rule
 * load time by an {@link OperatorFactory} and shared by all threads: all per-request state goes
 * through the {@link MatchContext}. Negation ({@code !@rx}) is applied by the rule, not here.
 */
@FunctionalInterface
public interface Operator {
  /** Whether {@code input} (a byte string) matches. */
  boolean matches(MatchContext context, String input);

  /**
   * The {@link ByteClasses} a value must hold for {@link #matches} to answer true (a byte-range
   * check can only fail on a byte outside its range): a caller holding the value's summary may
   * skip a value that shares no bit with these, and a whole collection whose members share none.
   * {@link ByteClasses#ANY} (the default) when any value may match. Asked once per rule set.
   */
  default long triggers() {
    return ByteClasses.ANY;
  }
}
