package dev.vpatch.engine.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.ByteStrings;
import dev.vpatch.engine.Interruption;
import dev.vpatch.engine.MatchedRule;
import dev.vpatch.engine.RuleSet;
import dev.vpatch.engine.Transaction;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Request body bytes handed over in NIO buffers (direct or heap) count exactly as byte arrays do. */
class RequestBodyFromBuffersTest {
  private static final String RULES =
      "SecRuleEngine On\nSecRequestBodyAccess On\nSecRequestBodyLimit 16\nSecRequestBodyLimitAction Reject\n"
          + "SecRule REQUEST_BODY \"@rx .\" \"id:1,phase:2,pass,log,logdata:'%{REQUEST_BODY}'\"\n"
          + "SecRule ARGS:b \"@rx .\" \"id:2,phase:2,pass,log,logdata:'%{MATCHED_VAR}'\"\n";

  private static Transaction start() {
    Transaction tx = RuleSet.builder().addText(RULES, "rules").build().newTransaction();
    tx.processUri("/", "POST", "HTTP/1.1");
    tx.addRequestHeader("Content-Type", "application/x-www-form-urlencoded");
    tx.processRequestHeaders();
    return tx;
  }

  private static ByteBuffer direct(String text) {
    byte[] bytes = ByteStrings.bytes(text);
    return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
  }

  private static String logged(Transaction tx, long ruleId) {
    return tx.matchedRules().stream().filter(r -> r.ruleId() == ruleId).map(MatchedRule::data).findFirst().orElse(null);
  }

  @Test
  void directAndHeapBuffersAppendTheirRemainingBytesAndKeepTheirPosition() {
    Transaction tx = start();
    ByteBuffer first = direct("xxa=1&");
    first.position(2);
    ByteBuffer second = ByteBuffer.wrap(ByteStrings.bytes("__b=\u00ff\0z")).position(2).slice();
    assertThat(tx.appendRequestBody(first)).isNull();
    assertThat(tx.appendRequestBody(second)).isNull();
    assertThat(tx.appendRequestBody(direct(""))).isNull();
    tx.processRequestBody();
    assertThat(first.position()).isEqualTo(2);
    assertThat(second.position()).isZero();
    assertThat(logged(tx, 1)).isEqualTo("a=1&b=\u00ff\0z");
    assertThat(logged(tx, 2)).isEqualTo("\u00ff\0z");
  }

  @Test
  void aDirectBufferBeyondTheLimitIsRejectedLikeAnArray() {
    Transaction tx = start();
    assertThat(tx.appendRequestBody(direct("a=0123456789"))).isNull();
    Interruption interruption = tx.appendRequestBody(direct("&b=0123456789"));
    assertThat(interruption).isNotNull();
    assertThat(interruption.status()).isEqualTo(413);
  }

  @Test
  void theDefaultMethodCopiesForTransactionsThatOnlyTakeArrays() {
    StringBuilder received = new StringBuilder();
    Transaction arraysOnly =
        (Transaction)
            java.lang.reflect.Proxy.newProxyInstance(
                Transaction.class.getClassLoader(),
                new Class<?>[] {Transaction.class},
                (proxy, method, args) -> {
                  if (method.isDefault()) {
                    return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
                  }
                  if (method.getName().equals("appendRequestBody")) {
                    received.append(ByteStrings.of((byte[]) args[0], (int) args[1], (int) args[2]));
                  }
                  return null;
                });
    ByteBuffer buffer = direct("..abc");
    buffer.position(2);
    arraysOnly.appendRequestBody(buffer);
    arraysOnly.appendRequestBody(ByteBuffer.wrap(ByteStrings.bytes("xdef")).position(1));
    assertThat(received).hasToString("abcdef");
    assertThat(buffer.position()).isEqualTo(2);
  }
}
