package dev.vpatch.engine.operators;

/** Compiles the argument of one operator name into an {@link Operator}. */
@FunctionalInterface
public interface OperatorFactory {
  /**
   * @throws IllegalArgumentException with a message fit for the user (the caller adds file:line)
   *     when the argument is invalid (bad regex, missing data file...)
   */
  Operator create(OperatorArgument argument);
}
