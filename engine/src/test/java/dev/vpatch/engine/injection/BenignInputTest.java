package dev.vpatch.engine.injection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ordinary text, names, emails, dates, numbers, JSON, URLs, harmless HTML and headers
 * (benign.txt, checked against libinjection: it flags none of them) must not be detected.
 */
class BenignInputTest {
  static List<String> benignLines() throws IOException {
    try (InputStream in = BenignInputTest.class.getResourceAsStream("benign.txt")) {
      // the file is UTF-8; detectors see its bytes, one char per byte
      String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      return text.lines().filter(l -> !l.isEmpty() && !l.startsWith("# ")).toList();
    }
  }

  @Test
  void noBenignLineLooksLikeSqlInjection() throws IOException {
    List<String> lines = benignLines();
    assertThat(lines).hasSizeGreaterThan(250);
    assertThat(lines.stream().filter(SqlInjectionDetector::isInjection).toList()).isEmpty();
  }

  @Test
  void noBenignLineLooksLikeXss() throws IOException {
    assertThat(benignLines().stream().filter(XssDetector::isXss).toList()).isEmpty();
  }
}
