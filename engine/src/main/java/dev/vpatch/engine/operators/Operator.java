package dev.vpatch.engine.operators;

/**
 * A compiled SecLang operator ({@code @rx}, {@code @pm}, ...). Instances are created once at rule
 * load time by an {@link OperatorFactory} and shared by all threads: all per-request state goes
 * through the {@link MatchContext}. Negation ({@code !@rx}) is applied by the rule, not here.
 */
@FunctionalInterface
public interface Operator {
  /** Whether {@code input} (a byte string) matches. */
  boolean matches(MatchContext context, String input);
}
