package dev.vpatch.engine.operators.regex;

/**
 * One match: where it is and its groups (index 0 = whole match; null for a group that did not
 * take part). A match may be handed to many transactions ({@link RecentMatches} keeps them), so
 * {@link #groups()} is read, never written.
 */
public record RegexMatch(int start, int end, String[] groups) {
  public String group(int index) {
    return index < groups.length ? groups[index] : null;
  }

  public String text() {
    return groups[0];
  }
}
