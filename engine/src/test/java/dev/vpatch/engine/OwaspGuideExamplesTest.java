package dev.vpatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The OWASP virtual patching guide's example patches, loaded unmodified. */
class OwaspGuideExamplesTest {
  private static final String PATH =
      "/wordpress/wp-content/plugins/levelfourstorefront/scripts/administration/exportsubscribers.php";

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(OwaspGuideExamplesTest.class.getResource("/owasp-guide/" + name).toURI());
  }

  private static RuleSet load(String file, String config) throws Exception {
    RuleSetBuilder b = RuleSet.builder();
    if (config != null) b.addText(config, "config");
    return b.addFile(resource(file)).build();
  }

  private static Transaction get(RuleSet rules, String uri) {
    Transaction tx = rules.newTransaction();
    tx.processConnection("127.0.0.1", 40000, "127.0.0.1", 80);
    tx.processUri(uri, "GET", "HTTP/1.1");
    tx.addRequestHeader("Host", "localhost");
    tx.processRequestHeaders();
    tx.processRequestBody();
    return tx;
  }

  private static Transaction post(RuleSet rules, String uri, String body) {
    Transaction tx = rules.newTransaction();
    tx.processConnection("127.0.0.1", 40000, "127.0.0.1", 80);
    tx.processUri(uri, "POST", "HTTP/1.1");
    tx.addRequestHeader("Host", "localhost");
    tx.addRequestHeader("Content-Type", "application/x-www-form-urlencoded");
    tx.processRequestHeaders();
    byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
    tx.appendRequestBody(bytes, 0, bytes.length);
    tx.processRequestBody();
    return tx;
  }

  private static final String VPATCH_DEFAULTS =
      "SecRequestBodyAccess On\nSecDefaultAction \"phase:1,log,auditlog,deny,status:403\"\n"
          + "SecDefaultAction \"phase:2,log,auditlog,deny,status:403\"\n";

  @Test
  void positivePatchBlocksTheProofOfConceptWith403UnderDefaultActions() throws Exception {
    RuleSet rules = load("positive-patch.conf", VPATCH_DEFAULTS);
    Transaction tx = get(rules, PATH + "?reqID=1'%20or%201='1");
    assertThat(tx.interruption()).isNotNull();
    assertThat(tx.interruption().ruleId()).isEqualTo(2);
    assertThat(tx.interruption().status()).isEqualTo(403);
    assertThat(tx.matchedRules()).extracting(MatchedRule::ruleId).containsExactly(2L);
    assertThat(tx.matchedRules().get(0).data()).isEqualTo("1' or 1='1");
    assertThat(tx.matchedRules().get(0).message()).isEqualTo("Input Validation Error for 'reqID' parameter.");
  }

  @Test
  void positivePatchBlocksADuplicatedParameter() throws Exception {
    RuleSet rules = load("positive-patch.conf", VPATCH_DEFAULTS);
    Transaction tx = get(rules, PATH + "?reqID=1&reqID=2");
    assertThat(tx.interruption()).isNotNull();
    assertThat(tx.interruption().ruleId()).isEqualTo(1);
  }

  @Test
  void positivePatchPassesALegitimateRequest() throws Exception {
    RuleSet rules = load("positive-patch.conf", VPATCH_DEFAULTS);
    Transaction tx = get(rules, PATH + "?reqID=42");
    assertThat(tx.interruption()).isNull();
    assertThat(tx.matchedRules()).isEmpty();
  }

  @Test
  void positivePatchBlocksTheAttackInAPostBody() throws Exception {
    RuleSet rules = load("positive-patch.conf", VPATCH_DEFAULTS);
    Transaction tx = post(rules, PATH, "reqID=1'+or+1='1");
    assertThat(tx.interruption()).isNotNull();
    assertThat(tx.interruption().ruleId()).isEqualTo(2);
  }

  @Test
  void positivePatchSeesThroughPathEvasions() throws Exception {
    RuleSet rules = load("positive-patch.conf", VPATCH_DEFAULTS);
    Transaction tx =
        get(rules, "/wordpress/wp-content/plugins/LevelFourStorefront/scripts/./administration/exportsubscribers.php?reqID=1%2527");
    assertThat(tx.interruption()).isNotNull();
  }

  @Test
  void negativePatchBlocksAQuoteAndPassesDigits() throws Exception {
    RuleSet rules = load("negative-patch.conf", VPATCH_DEFAULTS);
    assertThat(get(rules, PATH + "?reqID=1'%20or%201='1").interruption()).isNotNull();
    assertThat(get(rules, PATH + "?reqID=42").interruption()).isNull();
  }

  @Test
  void withoutDefaultActionsBlockFallsBackToPassAndOnlyRecordsTheMatch() throws Exception {
    RuleSet rules = load("positive-patch.conf", null);
    Transaction tx = get(rules, PATH + "?reqID=1'%20or%201='1");
    assertThat(tx.interruption()).isNull();
    assertThat(tx.matchedRules()).extracting(MatchedRule::ruleId).containsExactly(2L);
  }

  @Test
  void underACrsStyleDefaultActionBlockFollowsItAndPasses() throws Exception {
    RuleSet rules =
        load("positive-patch.conf", "SecDefaultAction \"phase:2,log,auditlog,pass\"\nSecRequestBodyAccess On\n");
    Transaction tx = get(rules, PATH + "?reqID=1'%20or%201='1");
    assertThat(tx.interruption()).isNull();
    assertThat(tx.matchedRules()).hasSize(1);
  }
}
