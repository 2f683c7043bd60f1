package dev.vpatch.engine.operators;

import dev.vpatch.engine.injection.XssDetector;

/**
 * {@code @detectXSS}: HTML/JavaScript injection by tokenizing the value as HTML from several
 * starting states (the libinjection method). Takes no argument and captures nothing.
 */
public final class DetectXssOperator implements Operator {
  public DetectXssOperator(OperatorArgument ignored) {}

  @Override
  public boolean matches(MatchContext context, String input) {
    return XssDetector.isXss(input);
  }
}
