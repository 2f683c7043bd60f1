package dev.vpatch.engine.injection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Fingerprints below were checked against libinjection (ModSecurity 3.0.9) through the oracle. */
class SqlInjectionDetectorTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "1' or '1'='1                                     | s&sos",
      "1 union select 1,2,3                             | 1UE1",
      "admin'--                                         | sc",
      "1/*comment*/union/**/select 1                    | 1UE1",
      "' OR 1=1 --                                      | s&1c",
      "1 AND SLEEP(5)                                   | 1&f(1",
      "1' AND (SELECT 1 FROM dual)--                    | s&(E1",
      "1 ORDER BY 1--                                   | 1B1c",
      "' UNION SELECT username, password FROM users--   | sUEnk",
      "-1 OR 2>1                                        | 1&1",
      "1' AND extractvalue(1,concat(0x7e,version()))--  | s&f(1",
      "/*!50000union*/ select 1                         | X",
      "1 /*!union*/ select 1                            | X",
      "`\" or \"\"=\"`                                  | s&sos",
      "1) or (1=1                                       | 1)&(1",
      "') or ('a'='a                                    | s)&(s",
      "1' and 1=1 and '1'='1                            | s&sos",
      "1 or 1=1                                         | 1&1",
      "1' or 1=1 limit 1 -- -                           | s&1B1",
      "1 and benchmark(1000000,md5(1))                  | 1&f(1",
      "1' and pg_sleep(5)--                             | s&f(1",
      "' having 1=1--                                   | sB1c",
      "' group by columnnames having 1=1 --             | sBnB1",
      "1;select pg_sleep(5)                             | 1;Ef(",
      "'||(select user from dual)||'                    | s&(En",
      "1 and (select count(*) from users) > 0           | 1&(Ef",
      "1' into outfile '/tmp/x'--                       | sksc",
      "1 AND @@version=1                                | 1&v",
      "sleep(20)                                        | f(1)",
  })
  void detectsInjectionWithFingerprint(String input, String fingerprint) {
    assertThat(SqlInjectionDetector.detect(input)).isEqualTo(fingerprint);
  }

  @Test
  void aKeywordGluedToADottedTailIsReadAsTheKeywordAndADottedNameAsOneWord() {
    assertThat(tokens("SELECT.1")).startsWith("E:SELECT");
    assertThat(tokens("union`x`")).startsWith("U:UNION");
    assertThat(tokens("json.order.items.array_0.sku")).containsExactly("n:JSON.ORDER.ITEMS.ARRAY_0.SKU");
    assertThat(tokens("user.select")).containsExactly("n:USER.SELECT");
    // Oracle's package functions are keywords with dots: looked up past the first dot.
    assertThat(tokens("dbms_lock.sleep.x")).startsWith("f:DBMS_LOCK.SLEEP");
    assertThat(tokens("ctxsys.drithsx.sn(")).startsWith("f:CTXSYS.DRITHSX.SN");
  }

  private static List<String> tokens(String input) {
    SqlTokenizer tokenizer = new SqlTokenizer(input, (char) 0, false);
    SqlToken token = new SqlToken();
    List<String> read = new ArrayList<>();
    while (tokenizer.next(token)) read.add(token.type + ":" + token.value);
    return read;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "1 UNION ALL SELECT NULL--",
      "1; DROP TABLE users",
      "'; EXEC xp_cmdshell 'dir'--",
      "1' waitfor delay '0:0:5'--",
      "x' or 1=1 #",
      "1'/**/or/**/'1'='1",
      "1'\tOR\t1=1--",
      "1'\nunion\nselect 1--",
      "1' UnIoN SeLeCt 1,2--",
      "1 and 1=1",
      "1' and 'a'='a",
      "1 or sleep(5)#",
      "'+(select load_file('/etc/passwd'))+'",
      "1' AND 1=CONVERT(int,(SELECT @@version))--",
      "1 union/*!select*/1",
  })
  void detectsClassicAttacks(String input) {
    assertThat(SqlInjectionDetector.isInjection(input)).as(input).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "O'Reilly", "select a product", "1-2", "hello world", "Tom and Jerry", "apples or pears",
      "it's 5 o'clock", "x#y", "admin", "1234", "-- ", "/* hi */", "3 or 4", "@@version",
      "admin'#", "admin' -- ", "first; second; third", "Union Station", "order by phone",
      "Let's meet at 5 or 6", "john.doe@example.com", "2024-01-15", "{\"a\":1}", "1,000,000",
  })
  void leavesOrdinaryInputAlone(String input) {
    assertThat(SqlInjectionDetector.detect(input)).as(input).isNull();
  }

  @Test
  void emptyAndNullAreNotInjections() {
    assertThat(SqlInjectionDetector.detect("")).isNull();
    assertThat(SqlInjectionDetector.detect(null)).isNull();
  }

  @Test
  void nulBytesActAsWhiteSpace() {
    assertThat(SqlInjectionDetector.detect("1\u0000or\u00001=1")).isEqualTo("1&1");
  }

  @Test
  void nonAsciiBytesAreWordCharacters() {
    // UTF-8 "é" (C3 A9) and invalid bytes are parts of barewords, not operators
    assertThat(SqlInjectionDetector.detect("caf\u00c3\u00a9 or th\u00c3\u00a9")).isNull();
    assertThat(SqlInjectionDetector.detect("\u00ff\u00fe\u00fd")).isNull();
    assertThat(SqlInjectionDetector.detect("\u00c0\u00af' or 1=1--")).isEqualTo("s&1c");
  }

  @Test
  void nonBreakingSpaceSeparatesTokensLikeMySql() {
    assertThat(SqlInjectionDetector.detect("1\u00a0union\u00a0select\u00a01,2")).isEqualTo("1UE1");
  }

  @Test
  void overlongWordsAreBarewordsNotKeywords() {
    String longWord = "select".repeat(10);
    assertThat(SqlInjectionDetector.fingerprint(longWord, (char) 0, false)).isEqualTo("n");
  }

  private static final String SPECIALS = "'\"`/*-#()@$\\;,.{}[]";

  @Test
  void randomBytesNeverBreakTheTokenizer() {
    Random random = new Random(942100);
    for (int i = 0; i < 20_000; i++) {
      char[] chars = new char[random.nextInt(40)];
      for (int j = 0; j < chars.length; j++) {
        chars[j] = random.nextInt(4) == 0 ? SPECIALS.charAt(random.nextInt(SPECIALS.length()))
            : (char) random.nextInt(256);
      }
      String fingerprint = SqlInjectionDetector.detect(new String(chars));
      assertThat(fingerprint == null || (fingerprint.length() >= 1 && fingerprint.length() <= 5)).isTrue();
    }
  }

  /**
   * The one-token shortcut must never hide an injection: every single-word keyword (underscores and
   * dots included), in any case, alone, after letters or digits, joined to others by {@code _} or
   * a dot, or behind every number form the tokenizer reads (decimal, hex, binary, exponent, float
   * suffix, a bare {@code 0x}) is, where the shortcut applies, not an injection when tokenized in
   * full. Where it does not apply (a number then a word), it can be.
   */
  @Test
  void oneTokenInputIsNeverAnInjectionWhenTokenizedInFull() {
    String[] heads = {"", "1", "12", "0", "0x", "0x1f", "0b1", "0b", "1e1", "1e", "1f", "1d", "x", "ab1",
        "x_", "a.", "json.", "json.items.array_0.", "user_", "1.5"};
    String[] tails = {"", "1", "x", "0x1", "123", "_", "_x", ".x", ".1", ".sku", "_id.name"};
    int checked = 0;
    for (String keyword : SqlKeywords.vocabulary()) {
      if (!keyword.chars().allMatch(SqlInjectionDetectorTest::isWordByte)) continue;
      for (String word : new String[] {keyword, keyword.toLowerCase(java.util.Locale.ROOT), mixedCase(keyword)}) {
        for (String head : heads) {
          for (String tail : tails) {
            String input = head + word + tail;
            if (!SqlInjectionDetector.isOneToken(input)) continue;
            assertThat(SqlInjectionDetector.detectInAllContexts(input)).as(input).isNull();
            checked++;
          }
        }
      }
    }
    for (String digits : new String[] {"0", "1", "007", "12345678901234567890123456789012345678901234567890"}) {
      assertThat(SqlInjectionDetector.isOneToken(digits)).isTrue();
      assertThat(SqlInjectionDetector.detectInAllContexts(digits)).isNull();
    }
    assertThat(checked).isGreaterThan(6_000);
    assertThat(SqlInjectionDetector.isOneToken("5GOTO")).isFalse();
    assertThat(SqlInjectionDetector.detect("5GOTO")).isEqualTo("1T");
  }

  @org.junit.jupiter.api.RepeatedTest(20)
  void seededOneTokenInputsAreNeverInjectionsWhenTokenizedInFull(org.junit.jupiter.api.RepetitionInfo repetition) {
    Random random = new Random(4242 + repetition.getCurrentRepetition());
    String[] pieces = SqlKeywords.vocabulary().stream()
        .filter(k -> k.chars().allMatch(SqlInjectionDetectorTest::isWordByte))
        .sorted().toArray(String[]::new);
    String alphabet = "0123456789abcdefxXeEfFdDuUbBnNqQ_._.";
    int checked = 0;
    for (int i = 0; i < 2000; i++) {
      StringBuilder input = new StringBuilder();
      for (int k = random.nextInt(5) + 1; k > 0; k--) {
        if (random.nextBoolean()) input.append(pieces[random.nextInt(pieces.length)]);
        else for (int c = random.nextInt(4); c >= 0; c--) input.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String candidate = input.toString();
      if (!SqlInjectionDetector.isOneToken(candidate)) continue;
      assertThat(SqlInjectionDetector.detectInAllContexts(candidate)).as(candidate).isNull();
      checked++;
    }
    assertThat(checked).isGreaterThan(500);
  }

  @org.junit.jupiter.api.RepeatedTest(10)
  void aFolderReusedAfterOtherInputsFingerprintsLikeANewOne(org.junit.jupiter.api.RepetitionInfo repetition) {
    Random random = new Random(7100 + repetition.getCurrentRepetition());
    String[] pieces = {"1", "'", "\"", "`", " ", "or", "union", "select", "--", "#", "/*", "*/", "(", ")",
        ",", "=", "x", "user", "0x7e", ";", "\\", "@@version", "sleep(", "+", "-", "/*!", "N'", "q'[", "]'"};
    SqlFolder shared = new SqlFolder();
    for (int i = 0; i < 400; i++) {
      StringBuilder input = new StringBuilder();
      for (int n = random.nextInt(12); n >= 0; n--) input.append(pieces[random.nextInt(pieces.length)]);
      String text = input.toString();
      for (char quote : new char[] {0, '\'', '"'}) {
        for (boolean mysql : new boolean[] {false, true}) {
          assertThat(SqlInjectionDetector.fingerprint(shared, text, quote, mysql))
              .as("%s, quote %d, mysql %b", text, (int) quote, mysql)
              .isEqualTo(SqlInjectionDetector.fingerprint(text, quote, mysql));
        }
      }
    }
  }

  @Test
  void oneTokenMeansAWordOfLettersDigitsUnderscoresAndDotsOrADecimalNumber() {
    assertThat(SqlInjectionDetector.isOneToken("abc123XYZ")).isTrue();
    assertThat(SqlInjectionDetector.isOneToken("123")).isTrue();
    assertThat(SqlInjectionDetector.isOneToken("1abc")).isFalse();
    for (char c = 0; c < 256; c++) {
      boolean alphanumeric = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
      assertThat(SqlInjectionDetector.isOneToken("ab" + c + "1")).as("char %d", (int) c)
          .isEqualTo(alphanumeric || c == '_' || c == '.');
      assertThat(SqlInjectionDetector.isOneToken("12" + c)).as("char %d", (int) c).isEqualTo(c >= '0' && c <= '9');
      assertThat(SqlInjectionDetector.isOneToken("12" + c + "3")).as("char %d", (int) c)
          .isEqualTo(c >= '0' && c <= '9' || c == '.');
    }
    assertThat(SqlInjectionDetector.detect("1 union select 1")).isNotNull();
  }

  /** What a form's and a JSON document's names and values look like: one token each. */
  @Test
  void argumentNamesAndAmountsAreOneTokenButAKeywordGluedToADotIsNot() {
    for (String oneToken : new String[] {"first_name", "item12_colour", "json.items.array_0.sku",
        "json.customer.address.street", "6.13", "0.5", "1999"}) {
      assertThat(SqlInjectionDetector.isOneToken(oneToken)).as(oneToken).isTrue();
      assertThat(SqlInjectionDetector.detectInAllContexts(oneToken)).as(oneToken).isNull();
    }
    for (String notOneToken : new String[] {"select.1", "union.x", "_name", "6.", "6.1.3", ".5", "1.5e3"}) {
      assertThat(SqlInjectionDetector.isOneToken(notOneToken)).as(notOneToken).isFalse();
    }
    // The tokenizer splits there too: the keyword, then what follows.
    assertThat(SqlInjectionDetector.fingerprint("select.1", (char) 0, false)).isEqualTo("E1");
    assertThat(SqlInjectionDetector.fingerprint("json.items.array_0.sku", (char) 0, false)).isEqualTo("n");
  }

  private static boolean isWordByte(int c) {
    return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.';
  }

  private static String mixedCase(String word) {
    StringBuilder mixed = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      mixed.append(i % 2 == 0 ? Character.toLowerCase(c) : Character.toUpperCase(c));
    }
    return mixed.toString();
  }
}
