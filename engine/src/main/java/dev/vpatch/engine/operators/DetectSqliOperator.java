package dev.vpatch.engine.operators;

import dev.vpatch.engine.injection.SqlInjectionDetector;

/**
 * {@code @detectSQLi}: SQL injection by tokenizing and fingerprinting the value (the libinjection
 * method). Like ModSecurity, it takes no argument and, with {@code capture}, records the
 * fingerprint as TX:0.
 */
public final class DetectSqliOperator implements Operator {
  public DetectSqliOperator(OperatorArgument ignored) {}

  @Override
  public boolean matches(MatchContext context, String input) {
    String fingerprint = SqlInjectionDetector.detect(input);
    if (fingerprint == null) {
      return false;
    }
    if (context.captureEnabled()) {
      context.capture(0, fingerprint);
    }
    return true;
  }
}
