package dev.vpatch.engine.rules;

import dev.vpatch.engine.Interruption;
import dev.vpatch.engine.MatchedRule;
import dev.vpatch.engine.RuleSet;
import dev.vpatch.engine.Transaction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs requests through rule sets and describes what they report, so that a rule set whose
 * constant block is taken over (and whose stable rules are folded) can be compared with the same
 * rules evaluated one by one, behind {@link #BLOCKER}.
 */
final class BlockComparison {
  /**
   * Reads the request and may write TX: no constant block after it, so no folded verdicts either.
   * It never matches, so it changes neither TX nor MATCHED_VAR.
   */
  static final String BLOCKER =
      "SecRule REQUEST_URI \"@streq /never\" \"id:99,phase:1,pass,nolog,setvar:tx.blocker=1\"\n";

  private BlockComparison() {}

  static RuleSet crsRules(String crs, String first) {
    return RuleSet.builder()
        .addVpatchDefaults()
        .addText(first, "first.conf")
        .addFile(java.nio.file.Path.of(crs, "crs-setup.conf.example"))
        .addFile(java.nio.file.Path.of(crs, "rules"))
        .build();
  }

  static CompiledRuleSet compile(String rules) {
    return (CompiledRuleSet) RuleSet.builder().addText(rules, "rules.conf").build();
  }

  static Transaction run(RuleSet rules, String uri) {
    return run(rules, uri, null);
  }

  static Transaction run(RuleSet rules, String uri, String contentType) {
    Transaction tx = rules.newTransaction();
    tx.processConnection("10.0.0.1", 5555, "127.0.0.1", 80);
    tx.processUri(uri, "GET", "HTTP/1.1");
    tx.addRequestHeader("Host", "localhost");
    if (contentType != null) tx.addRequestHeader("Content-Type", contentType);
    tx.addRequestHeader("User-Agent", "Mozilla/5.0");
    tx.addRequestHeader("Accept", "*/*");
    if (tx.processRequestHeaders() == null && tx.processRequestBody() == null) {
      tx.processResponseHeaders(200, "HTTP/1.1");
      byte[] page = "<html>ok</html>".getBytes(StandardCharsets.ISO_8859_1);
      if (tx.responseBodyAccess()) tx.appendResponseBody(page, 0, page.length);
      tx.processResponseBody();
    }
    tx.processLogging();
    return tx;
  }

  static List<String> describe(List<MatchedRule> matched) {
    return matched.stream()
        .map(m -> m.ruleId() + "|" + m.phase() + "|" + m.message() + "|" + m.data() + "|" + m.variable() + "|"
            + m.value() + "|" + m.severity())
        .toList();
  }

  static String describe(Interruption interruption) {
    return interruption == null ? "none" : interruption.ruleId() + " " + interruption.status();
  }
}
