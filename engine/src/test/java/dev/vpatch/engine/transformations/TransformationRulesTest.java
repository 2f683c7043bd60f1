package dev.vpatch.engine.transformations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpatch.engine.Interruption;
import dev.vpatch.engine.RuleSet;
import dev.vpatch.engine.Transaction;
import org.junit.jupiter.api.Test;

/** Transformation chains as rules use them, through the parser, compiler and a transaction. */
class TransformationRulesTest {
  private static Interruption get(String rule, String uri) {
    RuleSet rules = RuleSet.builder().addText("SecRuleEngine On\n" + rule, "rules.conf").build();
    Transaction tx = rules.newTransaction();
    tx.processConnection("10.0.0.1", 5555, "127.0.0.1", 80);
    tx.processUri(uri, "GET", "HTTP/1.1");
    tx.addRequestHeader("Host", "example.org");
    return tx.processRequestHeaders();
  }

  @Test
  void aChainDecodesLayeredEncodingsBeforeTheOperator() {
    String rule = "SecRule ARGS \"@streq <script>\" "
        + "\"id:1,phase:1,deny,t:none,t:urlDecodeUni,t:htmlEntityDecode,t:lowercase\"";
    assertThat(get(rule, "/?q=%2526lt%253BSCRIPT%2526gt%253B")).isNotNull();
    assertThat(get(rule, "/?q=%25uff1cscript%25uff1e")).isNotNull();
    assertThat(get(rule, "/?q=script")).isNull();
  }

  @Test
  void pathAndCommandLineNormalisationWorkInRules() {
    assertThat(get("SecRule ARGS \"@streq /etc/passwd\" \"id:1,phase:1,deny,t:normalisePathWin\"",
        "/?f=%5Cvar%5C..%5C.%5Cetc%5Cpasswd")).isNotNull();
    assertThat(get("SecRule ARGS \"@streq cat/etc/passwd\" \"id:1,phase:1,deny,t:cmdLine\"",
        "/?c=C%5Ea%22T%20%20/etc/pa%27sswd")).isNotNull();
  }

  @Test
  void lengthFeedsNumericOperators() {
    String rule = "SecRule ARGS \"@gt 5\" \"id:1,phase:1,deny,t:length\"";
    assertThat(get(rule, "/?a=123456")).isNotNull();
    assertThat(get(rule, "/?a=12345")).isNull();
  }

  @Test
  void unknownTransformationsAreLoadErrors() {
    assertThatThrownBy(() -> get("SecRule ARGS \"@rx x\" \"id:1,phase:1,deny,t:urlDecodeUnicode\"", "/"))
        .hasMessageContaining("urlDecodeUnicode");
  }
}
