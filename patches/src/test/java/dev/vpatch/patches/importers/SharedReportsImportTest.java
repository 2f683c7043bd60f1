package dev.vpatch.patches.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpatch.store.Store;
import dev.vpatch.store.StoreSession;
import dev.vpatch.store.model.Location;
import dev.vpatch.store.model.ParamWhere;
import dev.vpatch.store.model.Vulnerability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every report in shared/reports imports into the expected vulnerabilities; the malformed one into nothing. */
class SharedReportsImportTest {
  @TempDir Path dir;
  Store store;
  ReportImporter importer;

  @BeforeEach
  void open() {
    store = Store.open(dir.resolve("vpatch.db").toString());
    importer = new ReportImporter(store, null);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private ImportResult importFile(String relative) throws Exception {
    Path file = SharedReports.file(relative);
    return importer.importReport(Files.readAllBytes(file), file.getFileName().toString(), null);
  }

  private static List<String> summary(ImportResult result) {
    return result.vulnerabilities().stream()
        .map(v -> v.vulnClass() + " " + v.location().describe())
        .collect(Collectors.toList());
  }

  private static int skippedCount(ImportResult result) {
    return result.skipped().stream().mapToInt(SkippedFinding::count).sum();
  }

  @Test
  void zapFirstScanYieldsSqliXssAndOversizedInputsAndSkipsPassiveAlerts() throws Exception {
    ImportResult result = importFile("zap/zap-results-first-scan.xml");

    assertThat(summary(result)).containsExactlyInAnyOrder(
        "xss GET /bodgeit/search.jsp [query:q]",
        "sqli POST /bodgeit/basket.jsp [body:productid]",
        "buffer-overflow POST /bodgeit/basket.jsp [body:quantity_5]",
        "buffer-overflow POST /bodgeit/basket.jsp [body:quantity_3]",
        "buffer-overflow POST /bodgeit/basket.jsp [body:price]",
        "buffer-overflow POST /bodgeit/basket.jsp [body:quantity_7]",
        "buffer-overflow POST /bodgeit/basket.jsp [body:quantity]",
        "buffer-overflow POST /bodgeit/basket.jsp [body:quantity_1]");
    Vulnerability xss = result.vulnerabilities().get(0);
    assertThat(xss.cwe()).isEqualTo(79);
    assertThat(xss.source().tool()).isEqualTo("zap");
    assertThat(xss.source().findingId()).isEqualTo("40012,40026");
    assertThat(xss.pocs()).hasSize(2);
    assertThat(xss.pocs().get(0).uri()).startsWith("/bodgeit/search.jsp?q=%3C%2Ffont%3E");
    Vulnerability sqli = result.vulnerabilities().stream().filter(v -> v.vulnClass().equals("sqli")).findFirst()
        .orElseThrow();
    assertThat(sqli.pocs().get(0).body()).isEqualTo("productid=23-2");
    assertThat(result.skipped()).anySatisfy(s -> {
      assertThat(s.ruleId()).isEqualTo("40026");
      assertThat(s.reason()).contains("URL fragment");
    });
    assertThat(result.skipped()).anySatisfy(s -> {
      assertThat(s.ruleId()).isEqualTo("10020");
      assertThat(s.reason()).contains("passive");
      assertThat(s.count()).isEqualTo(12);
    });
    assertThat(result.findings()).isEqualTo(130);
    assertThat(store.inTransaction((StoreSession s) -> s.vulnerabilities().list())).hasSize(8);
  }

  @Test
  void zapBaselineScansHaveOnlyPassiveOrInformationalFindings() throws Exception {
    for (String file : List.of("zap/dvwa_baseline_dojo.xml", "zap/juicy2.xml", "zap/some_2.9.0.xml",
        "zap/zap-xml-plus-format.xml")) {
      ImportResult result = importFile(file);
      assertThat(result.vulnerabilities()).as(file).isEmpty();
      assertThat(skippedCount(result)).as(file).isEqualTo(result.findings()).isPositive();
    }
    assertThat(skippedCount(importFile("zap/some_2.9.0.xml"))).isEqualTo(3 + 4 + 1 + 3 + 4 + 1 + 1);
    ImportResult put = importFile("zap/zap-xml-plus-format.xml");
    assertThat(put.skipped()).singleElement().satisfies(s -> {
      assertThat(s.ruleId()).isEqualTo("90028");
      assertThat(s.reason()).contains("CWE-200");
    });
  }

  @Test
  void zapSyntheticReportsInAllFourLayoutsSkipTheUnmappablePluginOne() throws Exception {
    for (String file : List.of("zap/basic-traditional-xml.xml", "zap/basic-traditional-xml-plus.xml",
        "zap/basic-traditional-json.json", "zap/basic-traditional-json-plus.json")) {
      ImportResult result = importFile(file);
      assertThat(result.findings()).as(file).isEqualTo(2);
      assertThat(result.vulnerabilities()).as(file).isEmpty();
      assertThat(result.skipped()).as(file).singleElement().satisfies(s -> {
        assertThat(s.ruleId()).isEqualTo("1");
        assertThat(s.count()).isEqualTo(2);
        assertThat(s.reason()).contains("no virtual-patch class").contains("CWE-123");
      });
    }
  }

  @Test
  void zapEmptyReportImportsNothing() throws Exception {
    ImportResult result = importFile("zap/empty_2.9.0.xml");
    assertThat(result.findings()).isZero();
    assertThat(result.vulnerabilities()).isEmpty();
  }

  @Test
  void malformedReportFailsWithPositionAndChangesNothing() throws Exception {
    importFile("zap/zap.sarif.json");
    int before = store.inTransaction((StoreSession s) -> s.vulnerabilities().list()).size();

    assertThatThrownBy(() -> importFile("zap/malformed.xml"))
        .isInstanceOf(ReportFormatException.class)
        .hasMessageStartingWith("malformed.xml:1:")
        .hasMessageContaining("not well-formed XML");
    assertThat(store.inTransaction((StoreSession s) -> s.vulnerabilities().list())).hasSize(before);
  }

  @Test
  void zapSarifFindsParametersFromTheAttackInQueryAndBody() throws Exception {
    ImportResult result = importFile("zap/zap.sarif.json");

    assertThat(summary(result)).containsExactly(
        "xss GET /bodgeit/search.jsp [query:q]",
        "xss POST /bodgeit/contact.jsp [body:comments]",
        "sqli POST /bodgeit/basket.jsp [body:productid]");
    assertThat(result.vulnerabilities().get(2).pocs().get(0).body()).isEqualTo("productid=5-2&price=4.7&quantity=3");
    assertThat(result.vulnerabilities().get(2).pocs().get(0).headers()).contains("content-type: application/x-www-form-urlencoded");
  }

  @Test
  void burpSevenFindingsYieldsXssAndThreeSqlInjectionsIncludingACookie() throws Exception {
    ImportResult result = importFile("burp/seven_findings.xml");

    assertThat(summary(result)).containsExactlyInAnyOrder(
        "xss GET /bodgeit/search.jsp [query:q]",
        "sqli POST /bodgeit/basket.jsp [cookie:b_id]",
        "sqli POST /bodgeit/login.jsp [body:username]",
        "sqli POST /bodgeit/login.jsp [body:password]");
    assertThat(result.findings()).isEqualTo(16);
    assertThat(skippedCount(result)).isEqualTo(12);
    assertThat(result.skipped()).anySatisfy(s -> {
      assertThat(s.ruleId()).isEqualTo("3145984");
      assertThat(s.reason()).contains("no virtual-patch class");
    });
    Vulnerability cookie = result.vulnerabilities().stream()
        .filter(v -> "b_id".equals(v.location().parameter())).findFirst().orElseThrow();
    assertThat(cookie.pocs().get(0).headers()).containsIgnoringCase("cookie:");
    assertThat(cookie.severity().label()).isEqualTo("high");
  }

  @Test
  void burpSingleFindingFiles() throws Exception {
    assertThat(summary(importFile("burp/one_finding_with_blank_response.xml")))
        .containsExactly("sqli POST /bodgeit/basket.jsp [cookie:b_id]");
    ImportResult cacheable = importFile("burp/one_finding_with_cwe.xml");
    assertThat(cacheable.vulnerabilities()).isEmpty();
    assertThat(cacheable.skipped()).singleElement().satisfies(s -> assertThat(s.reason()).contains("informational"));
  }

  @Test
  void nucleiReportsInJsonArrayAndJsonLinesHaveNothingPatchable() throws Exception {
    ImportResult array = importFile("nuclei/multiple_v3.json");
    assertThat(array.findings()).isEqualTo(6);
    assertThat(array.vulnerabilities()).isEmpty();
    assertThat(skippedCount(array)).isEqualTo(6);

    ImportResult lines = importFile("nuclei/many_findings.json");
    assertThat(lines.findings()).isEqualTo(18);
    assertThat(lines.vulnerabilities()).isEmpty();
    assertThat(lines.skipped()).anySatisfy(s -> {
      assertThat(s.ruleId()).isEqualTo("openssh5.3-detect");
      assertThat(s.reason()).contains("not an HTTP request finding");
    });
    assertThat(lines.skipped()).anySatisfy(s -> {
      assertThat(s.ruleId()).isEqualTo("phpmyadmin-setup");
      assertThat(s.reason()).contains("no virtual-patch class");
    });
  }

  @Test
  void emptyNucleiFilesAreScansWithoutFindings() throws Exception {
    assertThat(importFile("nuclei/empty.jsonl").findings()).isZero();
    assertThat(importFile("nuclei/no_findings.json").findings()).isZero();
  }

  @Test
  void arachniXssInTheSearchForm() throws Exception {
    ImportResult result = importFile("arachni/arachni.afr.json");

    assertThat(summary(result)).containsExactly("xss GET /search.aspx [query:txtSearch]");
    Vulnerability xss = result.vulnerabilities().get(0);
    assertThat(xss.location()).isEqualTo(new Location("GET", "/search.aspx", "txtSearch", ParamWhere.QUERY));
    assertThat(xss.pocs().get(0).uri()).startsWith("/search.aspx?txtSearch=arachni_text%3C%2Ftextarea%3E");
    assertThat(xss.source().tool()).isEqualTo("arachni");
  }

  @Test
  void everyReportGetsADraftPatchPerVulnerabilityWithUniqueRuleIds() throws Exception {
    importer = new ReportImporter(store, new dev.vpatch.patches.PatchService(store,
        dev.vpatch.patches.generator.RuleIdRange.DEFAULT)::draftFor);
    java.util.Set<Long> ruleIds = new java.util.HashSet<>();
    for (String file : List.of("zap/zap-results-first-scan.xml", "zap/zap.sarif.json", "burp/seven_findings.xml",
        "burp/one_finding_with_blank_response.xml", "arachni/arachni.afr.json")) {
      ImportResult result = importFile(file);
      assertThat(result.draftPatches()).as(file).hasSameSizeAs(result.vulnerabilities());
      result.draftPatches().forEach(p -> {
        assertThat(p.mode()).isEqualTo(dev.vpatch.store.model.PatchMode.DRAFT);
        assertThat(p.testsYaml()).contains("PoC 1 as reported");
        p.ruleIds().forEach(id -> assertThat(ruleIds.add(id)).as("rule id " + id + " unique").isTrue());
      });
    }
    List<String> models = store.inTransaction((StoreSession s) -> s.patches().list()).stream()
        .map(p -> p.vulnId() + " " + p.model().label()).collect(Collectors.toList());
    assertThat(models).hasSize(8 + 3 + 4 + 1 + 1);
    assertThat(models.stream().filter(m -> m.endsWith("positive")).count()).isEqualTo(4);
  }
}
