package dev.vpatch.engine.injection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XssDetectorTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "<script>alert(1)</script>",
      "<SCRIPT SRC=//evil/x.js></SCRIPT>",
      "<img src=x onerror=alert(1)>",
      "<img src=x onerror=\"alert(1)\">",
      "<body onload=alert(1)>",
      "<svg/onload=alert(1)>",
      "<svg><script>alert(1)</script>",
      "<iframe src=//evil>",
      "<a href=\"javascript:alert(1)\">x</a>",
      "<a href='JaVaScRiPt:alert(1)'>x</a>",
      "<a href=\"  javascript:alert(1)\">x</a>",
      "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
      "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
      "<a href=\"java\nscript:alert(1)\">x</a>",
      "<a href=vbscript:msgbox(1)>x</a>",
      "<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">",
      "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\">",
      "<div style=\"width: expression(alert(1))\">",
      "<x onbeforehellfreezes=alert(1)>",
      "<math xmlns=\"http://www.w3.org/1998/Math/MathML\">",
      "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->",
      "<!DOCTYPE html>",
      "<?xml version=\"1.0\"?>",
      "<!ENTITY x SYSTEM \"file:///etc/passwd\">",
      "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
      "<link rel=import href=//evil>",
      "<base href=//evil/>",
      "<embed src=x.swf>",
      "<scr\u0000ipt>alert(1)</script>",
      "\" onmouseover=\"alert(1)",
      "' onfocus='alert(1)' autofocus='",
      "x onerror=alert(1)",
      "` onclick=alert(1) `",
      "\"><script>alert(1)</script>",
      "<x:script xmlns:x=\"http://www.w3.org/1999/xhtml\">alert(1)</x:script>",
  })
  void detectsScriptInjection(String input) {
    assertThat(XssDetector.isXss(input)).as(input).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "hello world", "a < b and c > d", "I <3 pizza", "5 < 10", "x > 5", "<b>bold</b>",
      "<i>italic</i>", "<p>Hello</p>", "<a href=\"https://example.com\">link</a>",
      "<a href=/relative/path>x</a>", "<img src=\"cat.jpg\" alt=\"cat\">", "<br>",
      "<span class=\"x\">text</span>", "<div id=\"main\">content</div>", "O'Reilly",
      "javascript:alert(1)", "He said \"hello\" and left", "<a href=\"data\">x</a>",
      "<a href=\"javadoc.html\">docs</a>", "email@example.com", "<", ">", "<>", "</>", "<!---->",
      "<!-- just a comment -->", "1 union select 1,2", "<a one=1>",
  })
  void leavesOrdinaryInputAlone(String input) {
    assertThat(XssDetector.isXss(input)).as(input).isFalse();
  }

  @Test
  void emptyAndNullAreNotXss() {
    assertThat(XssDetector.isXss("")).isFalse();
    assertThat(XssDetector.isXss(null)).isFalse();
  }

  @Test
  void unterminatedConstructsEndCleanly() {
    for (String input : new String[] {"<", "<a", "<a ", "<a b", "<a b=", "<a b='", "<a b=\"x",
        "<!", "<!-", "<!--", "<!--x--", "<?", "<%", "</", "</a", "<a/", "<a b/", "<![CDATA[",
        "<!DOCTYPE"}) {
      XssDetector.isXss(input);
    }
    assertThat(XssDetector.isXss("<a onclick=")).isFalse(); // no value, nothing to run
    assertThat(XssDetector.isXss("<!DOCTYPE")).isTrue();
  }

  @Test
  void dangerousUrlSchemesNeedTheirColon() {
    assertThat(XssDetector.isDangerousUrl("javascript:x")).isTrue();
    assertThat(XssDetector.isDangerousUrl("\u0001 java\tscript&colon;x")).isTrue();
    assertThat(XssDetector.isDangerousUrl("javascript")).isFalse();
    assertThat(XssDetector.isDangerousUrl("https://example.com/javascript:")).isFalse();
  }

  private static final String SPECIALS = "<>/=!-?%'\"` \u0000&#;";

  @Test
  void randomBytesNeverBreakTheTokenizer() {
    Random random = new Random(941100);
    for (int i = 0; i < 20_000; i++) {
      char[] chars = new char[random.nextInt(40)];
      for (int j = 0; j < chars.length; j++) {
        chars[j] = random.nextInt(3) == 0 ? SPECIALS.charAt(random.nextInt(SPECIALS.length()))
            : (char) random.nextInt(256);
      }
      XssDetector.isXss(new String(chars));
    }
  }

  /**
   * The plain-input shortcut must never hide XSS: input without {@code <} or {@code =}, however
   * dangerous its words and whatever white space, quotes, slashes or {@code >} it holds, is not XSS
   * in any start context when tokenized in full.
   */
  private static final String STRUCTURE = "=/ \"'`<>:;(\t\n\u0000";

  @RepeatedTest(20)
  void plainInputIsNeverXssInAnyContext(RepetitionInfo repetition) {
    Random random = new Random(7_777L * repetition.getCurrentRepetition());
    String[] words = {"javascript:", "onload", "onerror", "script", "style", "expression(", "data:",
        "vbscript:", "&#x3c;", "&lt;", "src", "href", "xmlns", "formaction", "alert(1)", "<!--", "iframe"};
    for (int i = 0; i < 6_000; i++) {
      StringBuilder value = new StringBuilder();
      int parts = 1 + random.nextInt(8);
      for (int p = 0; p < parts; p++) {
        int kind = random.nextInt(3);
        if (kind == 0) value.append(words[random.nextInt(words.length)]);
        else if (kind == 1) value.append(STRUCTURE.charAt(random.nextInt(STRUCTURE.length())));
        else value.append((char) (random.nextInt(256)));
      }
      String input = value.toString();
      if (!XssDetector.isPlain(input)) continue;
      for (HtmlTokenizer.Start start : HtmlTokenizer.Start.values()) {
        assertThat(XssDetector.isXss(input, start)).as("%s in %s", input, start).isFalse();
      }
    }
  }

  @RepeatedTest(10)
  void plainMeansNoOpeningAngleAndNoEquals(RepetitionInfo repetition) {
    Random random = new Random(131L * repetition.getCurrentRepetition());
    String ends = "<=";
    for (int i = 0; i < 2_000; i++) {
      char[] chars = new char[random.nextInt(6)];
      for (int k = 0; k < chars.length; k++) chars[k] = (char) random.nextInt(256);
      String input = new String(chars);
      boolean expected = input.chars().noneMatch(c -> ends.indexOf(c) >= 0);
      assertThat(XssDetector.isPlain(input)).as(input).isEqualTo(expected);
    }
  }
}
