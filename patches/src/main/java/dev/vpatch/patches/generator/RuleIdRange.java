package dev.vpatch.patches.generator;

/**
 * The reserved range generated patches take their rule ids from; each patch gets a block of
 * {@link #BLOCK} consecutive ids. The default, 10,000,000-10,099,999, lies in the ModSecurity id
 * space marked unused (4,301,000-19,999,999), outside CRS (900,000-999,999) and the local-use range
 * (1-99,999) where users keep their own rules.
 */
public record RuleIdRange(long first, long last) {
  public static final int BLOCK = 10;
  public static final RuleIdRange DEFAULT = new RuleIdRange(10_000_000L, 10_099_999L);

  public RuleIdRange {
    if (first < 1 || last < first + BLOCK - 1) {
      throw new IllegalArgumentException("rule id range " + first + "-" + last + " must hold at least " + BLOCK + " ids");
    }
    if (first <= 999_999 && last >= 900_000) {
      throw new IllegalArgumentException("rule id range " + first + "-" + last
          + " overlaps CRS's reserved 900000-999999: choose another range");
    }
  }

  /** Parses "FIRST-LAST". */
  public static RuleIdRange parse(String text) {
    String[] parts = text == null ? new String[0] : text.trim().split("-");
    try {
      if (parts.length == 2) {
        return new RuleIdRange(Long.parseLong(parts[0].trim()), Long.parseLong(parts[1].trim()));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("rule id range '" + text + "' must be FIRST-LAST, e.g. 10000000-10099999");
  }

  @Override
  public String toString() {
    return first + "-" + last;
  }
}
