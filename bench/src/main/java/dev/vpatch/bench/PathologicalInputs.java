package dev.vpatch.bench;

import java.util.List;
import java.util.Map;

/**
 * 4 KB attacker-chosen values aimed at the CRS patterns that take backtracking regex engines
 * from milliseconds to seconds: each repeats a near miss of its rule's pattern (everything but
 * the last required piece), so that a backtracking engine retries every start position and
 * every split of the lazy or greedy loops before failing. They are not meant to be benign: other
 * rules may well detect them; what matters is that the engine finishes them quickly.
 */
public final class PathologicalInputs {
  /** The value length, in bytes. */
  public static final int LENGTH = 4096;

  /** Rule id to the near miss that is repeated, and where the value is sent. */
  private static final Map<Long, NearMiss> NEAR_MISSES = Map.of(
      // .*\.ph(?:p\d*|tml|ar|ps|t|pt)\.*$ — dots after ".php" but never at the end.
      933110L, new NearMiss(".php.....x", Target.X_FILENAME_HEADER),
      // .*\.ph(?:p\d*|tml|ar|ps|t|pt)\..*$ — every extension, none followed by a dot.
      933111L, new NearMiss("a.php1b.phtmlc.phard.phpse.phtf.phptg", Target.X_FILENAME_HEADER),
      // ["'][ ]*(?:[^a-z0-9~_:' ]|in).+?[.].+?= — quotes and dots, never an "=".
      941340L, new NearMiss("\" in.a.b.c '-x.y ", Target.FORM_ARGUMENT),
      // the <script / <tag on...= pattern: letters spread by separators, event names, no "=".
      941160L, new NearMiss("<-s-c-r-i-p-x <a/onclick \"/onload  ", Target.FORM_ARGUMENT),
      // @.+=\s*?\(\s*?select — many "@...=(" whose "select" is one letter short.
      942210L, new NearMiss("@a=( selec ", Target.FORM_ARGUMENT),
      // scheme://host:port@host:port... — long host names whose last port never comes.
      934120L, new NearMiss(
          "http://" + "a.".repeat(100) + "b:80@" + "c-".repeat(100) + "d:x ", Target.FORM_ARGUMENT),
      // base64 Java class names, each missing its last characters.
      944300L, new NearMiss(
          "cHJvY2Vzc2J1aWxkZX cnVudGlt Y2xvbmV0cmFuc2Zvcm1lc aW52b2tlcnRyYW5zZm9ybWV ",
          Target.FORM_ARGUMENT));

  /** Where a value goes: the request header 933110/933111 read, or a urlencoded form field. */
  enum Target { X_FILENAME_HEADER, FORM_ARGUMENT }

  private record NearMiss(String unit, Target target) {}

  private PathologicalInputs() {}

  /** The rule ids covered, in a stable order. */
  public static List<Long> ruleIds() {
    return List.of(933110L, 933111L, 941340L, 941160L, 942210L, 934120L, 944300L);
  }

  /** The 4 KB value aimed at {@code ruleId}'s pattern. */
  public static String value(long ruleId) {
    String unit = nearMiss(ruleId).unit();
    StringBuilder value = new StringBuilder(LENGTH);
    while (value.length() < LENGTH) {
      value.append(unit);
    }
    value.setLength(LENGTH);
    // A value cut in the middle of a unit could end in a way the pattern accepts at $.
    value.setCharAt(LENGTH - 1, 'z');
    return value.toString();
  }

  /** A whole exchange carrying {@link #value(long)} where {@code ruleId} inspects it. */
  public static HttpExchange exchange(long ruleId) {
    String value = value(ruleId);
    String name = "pathological-" + ruleId;
    if (nearMiss(ruleId).target() == Target.X_FILENAME_HEADER) {
      Map<String, String> headers = OracleScenarios.browserHeaders();
      headers.put("X-Filename", value);
      return OracleScenarios.exchange(name, "GET", OracleScenarios.GET_URI, headers, "");
    }
    String body = "comment=" + OracleText.urlEncode(value);
    return OracleScenarios.exchange(
        name, "POST", OracleScenarios.FORM_URI, OracleScenarios.formHeaders(), body);
  }

  private static NearMiss nearMiss(long ruleId) {
    NearMiss nearMiss = NEAR_MISSES.get(ruleId);
    if (nearMiss == null) {
      throw new IllegalArgumentException("no pathological input for rule " + ruleId
          + "; known: " + ruleIds());
    }
    return nearMiss;
  }
}
