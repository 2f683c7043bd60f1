package dev.vpatch.engine.operators;

import static dev.vpatch.engine.operators.OperatorTesting.create;
import static dev.vpatch.engine.operators.OperatorTesting.matches;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One nested class per plain string operator. */
class StringOperatorsTest {
  @Nested
  class StrEq {
    @Test
    void comparesExactlyAndCaseSensitively() {
      assertThat(matches("streq", "POST", "POST")).isTrue();
      assertThat(matches("streq", "POST", "post")).isFalse();
      assertThat(matches("streq", "POST", "POST ")).isFalse();
      assertThat(matches("streq", "", "")).isTrue();
      assertThat(matches("streq", "a\u0000b", "a\u0000b")).isTrue();
      assertThat(matches("streq", "a\u0000b", "a")).isFalse();
    }

    @Test
    void expandsMacros() {
      Operator operator = create("streq", "%{tx.2}");
      assertThat(operator.matches(TestMatchContext.plain().tx("2", "abc"), "abc")).isTrue();
      assertThat(operator.matches(TestMatchContext.plain(), "")).isTrue();
      assertThat(operator.matches(TestMatchContext.plain(), "abc")).isFalse();
    }
  }

  @Nested
  class BeginsWith {
    @Test
    void matchesPrefixes() {
      assertThat(matches("beginsWith", "#:~:text=", "#:~:text=foo")).isTrue();
      assertThat(matches("beginsWith", "abc", "ab")).isFalse();
      assertThat(matches("beginsWith", "abc", "ABCd")).isFalse();
      assertThat(matches("beginsWith", "", "")).isTrue();
      assertThat(matches("beginsWith", "\u00c3", "\u00c3\u00a9")).isTrue();
    }
  }

  @Nested
  class EndsWith {
    @Test
    void matchesSuffixes() {
      assertThat(matches("endsWith", ".pdf", "file.pdf")).isTrue();
      assertThat(matches("endsWith", ".pdf", "file.PDF")).isFalse();
      assertThat(matches("endsWith", ".pdf", "pdf")).isFalse();
      assertThat(matches("endsWith", "", "x")).isTrue();
    }

    @Test
    void expandsMacros() {
      Operator operator = create("endsWith", ".%{request_headers.host}");
      MatchContext context = new TestMatchContext.Fixed("example.com");
      assertThat(operator.matches(context, "www.example.com")).isTrue();
      assertThat(operator.matches(context, "example.com")).isFalse();
    }
  }

  @Nested
  class Contains {
    @Test
    void findsSubstrings() {
      assertThat(matches("contains", "-->", "a-->b")).isTrue();
      assertThat(matches("contains", "#", "no hash")).isFalse();
      assertThat(matches("contains", "A", "a")).isFalse();
      assertThat(matches("contains", "", "")).isTrue();
      assertThat(matches("contains", "\u0000", "a\u0000")).isTrue();
    }
  }

  @Nested
  class StrMatch {
    @Test
    void findsSubstrings() {
      assertThat(matches("strmatch", "WebZIP", "Mozilla WebZIP/1.0")).isTrue();
      assertThat(matches("strmatch", "WebZIP", "webzip")).isFalse();
    }
  }

  @Nested
  class Within {
    @Test
    void findsTheInputInsideTheArgument() {
      assertThat(matches("within", "GET HEAD POST", "HEAD")).isTrue();
      assertThat(matches("within", "GET HEAD POST", "PUT")).isFalse();
      assertThat(matches("within", "GET HEAD POST", "T HE")).isTrue();
      assertThat(matches("within", "GET", "get")).isFalse();
    }

    @Test
    void emptyInputAlwaysMatches() {
      assertThat(matches("within", "GET", "")).isTrue();
      assertThat(matches("within", "", "")).isTrue();
    }

    @Test
    void inputIsComparedUpToItsFirstNul() {
      assertThat(matches("within", "GET POST", "GET\u0000PUT")).isTrue();
    }

    @Test
    void expandsMacros() {
      Operator operator = create("within", "%{tx.allowed_methods}");
      TestMatchContext context = TestMatchContext.plain().tx("allowed_methods", "GET HEAD");
      assertThat(operator.matches(context, "GET")).isTrue();
      assertThat(operator.matches(context, "DELETE")).isFalse();
      assertThat(operator.matches(TestMatchContext.plain(), "GET")).isFalse();
    }
  }

  @Nested
  class ContainsWord {
    @Test
    void needsNonLetterBoundaries() {
      assertThat(matches("containsWord", "select", "select")).isTrue();
      assertThat(matches("containsWord", "select", "select * from")).isTrue();
      assertThat(matches("containsWord", "select", "1 select")).isTrue();
      assertThat(matches("containsWord", "select", "(select)")).isTrue();
      assertThat(matches("containsWord", "select", "selection")).isFalse();
      assertThat(matches("containsWord", "select", "preselect")).isFalse();
    }

    @Test
    void onlyLettersAreWordCharacters() {
      assertThat(matches("containsWord", "select", "1select2")).isTrue();
      assertThat(matches("containsWord", "select", "_select_")).isTrue();
      assertThat(matches("containsWord", "select", "\u00e9select")).isTrue();
    }

    @Test
    void laterOccurrencesAreTried() {
      assertThat(matches("containsWord", "abc", "abcd abc")).isTrue();
      assertThat(matches("containsWord", "aa", "aaa")).isFalse();
    }

    @Test
    void emptyWordAlwaysMatchesAndEmptyInputNever() {
      assertThat(matches("containsWord", "", "")).isTrue();
      assertThat(matches("containsWord", "", "x")).isTrue();
      assertThat(matches("containsWord", "x", "")).isFalse();
    }
  }

  @Nested
  class UnconditionalAndNoMatch {
    @Test
    void ignoreTheirInput() {
      assertThat(matches("unconditionalMatch", "", "")).isTrue();
      assertThat(matches("unconditionalMatch", "", "anything")).isTrue();
      assertThat(matches("noMatch", "", "")).isFalse();
      assertThat(matches("noMatch", "", "anything")).isFalse();
    }
  }
}
