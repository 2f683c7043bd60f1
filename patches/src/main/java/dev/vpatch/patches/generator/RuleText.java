package dev.vpatch.patches.generator;

import java.util.List;

/**
 * Writes the chained SecLang rules of a patch. Every rule starts with the path condition and
 * carries the disruptive part as {@value #BLOCKING_ACTIONS}, which the exporter rewrites for
 * log-only patches (see {@link dev.vpatch.patches.PatchExport}).
 */
final class RuleText {
  /** The disruptive actions of a blocking rule, exactly as the exporter looks for them. */
  static final String BLOCKING_ACTIONS = "deny,status:403,tag:'vpatch/mode/blocking'";

  private final StringBuilder text = new StringBuilder();
  private final String vulnId;
  private final long patchId;
  private final String pathLiteral;

  RuleText(String vulnId, long patchId, String pathLiteral, String headerComment) {
    this.vulnId = vulnId;
    this.patchId = patchId;
    this.pathLiteral = pathLiteral;
    for (String line : headerComment.split("\n")) {
      text.append("# ").append(line).append('\n');
    }
  }

  /** A rule: the path condition chained to each of {@code conditions} (target, operator, transformations). */
  void rule(long id, String message, List<String[]> conditions) {
    text.append("SecRule REQUEST_FILENAME \"@contains ").append(pathLiteral).append("\" \\\n")
        .append("    \"id:").append(id).append(",phase:2,").append(BLOCKING_ACTIONS).append(",log,")
        .append(PatchScope.PATH_TRANSFORMATIONS).append(",\\\n")
        .append("    msg:'vpatch ").append(clean(vulnId)).append(": ").append(clean(message)).append("',\\\n")
        .append("    logdata:'%{MATCHED_VAR_NAME}=%{MATCHED_VAR}',severity:'CRITICAL',\\\n")
        .append("    tag:'vpatch',tag:'vpatch/vuln/").append(clean(vulnId)).append("',tag:'vpatch/patch/")
        .append(patchId).append("',chain\"\n");
    for (int i = 0; i < conditions.size(); i++) {
      String[] condition = conditions.get(i);
      boolean last = i == conditions.size() - 1;
      text.append("    SecRule ").append(condition[0]).append(" \"").append(condition[1].replace("\"", "\\x22"))
          .append("\" \"").append(condition[2]).append(last ? "" : ",chain").append("\"\n");
    }
    text.append('\n');
  }

  private static String clean(String value) {
    return value == null ? "" : value.replace("'", "").replace("\"", "").replace("\\", "").replace("\n", " ");
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
