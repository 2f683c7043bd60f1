package dev.vpatch.engine.operators;

/**
 * {@code @verifySSN}: matches when the regular expression finds a plausible US social security
 * number: exactly 9 digits, not all equal nor an ascending run, no zero area, group or serial, and
 * an area below 740 other than 666 (ModSecurity's checks).
 */
public final class VerifySsnOperator extends CheckedNumberOperator {
  public VerifySsnOperator(OperatorArgument argument) {
    super(argument);
  }

  @Override
  boolean isValid(String candidate) {
    return isPlausibleSsn(candidate);
  }

  static boolean isPlausibleSsn(String candidate) {
    int[] d = CheckedNumberOperator.digits(candidate);
    if (d.length != 9) return false;
    int ascending = 0;
    int repeated = 0;
    for (int i = 0; i < 8; i++) {
      if (d[i + 1] == d[i] + 1) ascending++;
      if (d[i + 1] == d[i]) repeated++;
    }
    if (ascending == 8 || repeated == 8) return false;
    int area = d[0] * 100 + d[1] * 10 + d[2];
    int group = d[3] * 10 + d[4];
    int serial = d[5] * 1000 + d[6] * 100 + d[7] * 10 + d[8];
    return area != 0 && group != 0 && serial != 0 && area < 740 && area != 666;
  }
}
