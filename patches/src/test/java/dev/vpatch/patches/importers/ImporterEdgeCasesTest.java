package dev.vpatch.patches.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpatch.store.model.ParamWhere;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterEdgeCasesTest {
  @TempDir Path dir;

  private static List<Triage> triage(String content, ReportFormat format) throws ReportFormatException {
    return new ReportImporter(null, null).triage(content.getBytes(StandardCharsets.UTF_8), "report", format);
  }

  @Test
  void zapLegacyLayoutWithUriParamAttackDirectlyUnderAlertItem() throws Exception {
    List<Triage> verdicts = triage("""
        <?xml version="1.0"?><OWASPZAPReport version="2.4.0"><site name="https://shop.example">
        <alerts><alertitem><pluginid>40018</pluginid><alert>SQL Injection</alert><riskcode>3</riskcode>
        <confidence>2</confidence><uri>https://shop.example/item.php?id=1%27+OR+%271%27%3D%271</uri>
        <param>id</param><attack>1' OR '1'='1</attack><cweid>89</cweid></alertitem></alerts></site>
        </OWASPZAPReport>""", null);

    assertThat(verdicts).singleElement().satisfies(v -> {
      assertThat(v.vulnClass().label()).isEqualTo("sqli");
      assertThat(v.location().describe()).isEqualTo("GET /item.php [query:id]");
      assertThat(v.poc().uri()).isEqualTo("/item.php?id=1%27+OR+%271%27%3D%271");
    });
  }

  @Test
  void burpDoctypeIsAcceptedButExternalEntitiesAreNeverRead() throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET");
    String report = "<?xml version=\"1.0\"?>\n<!DOCTYPE issues [\n<!ELEMENT issues (issue*)>\n"
        + "<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">\n]>\n"
        + "<issues><issue><serialNumber>1</serialNumber><type>1049088</type><name>&xxe;</name>"
        + "<host>http://h</host><path>/a</path><location>/a [id parameter]</location><severity>High</severity>"
        + "<confidence>Firm</confidence></issue></issues>";

    List<Triage> verdicts = triage(report, ReportFormat.BURP);

    assertThat(verdicts).singleElement().satisfies(v -> {
      assertThat(String.valueOf(v.finding().name())).doesNotContain("TOP-SECRET");
      assertThat(v.vulnClass().label()).isEqualTo("sqli");
    });
  }

  @Test
  void nucleiClassificationCweMapsToAClassAndKeepsTheCve() throws Exception {
    String line = "{\"template-id\":\"CVE-2026-1\",\"info\":{\"name\":\"X\",\"severity\":\"critical\","
        + "\"classification\":{\"cve-id\":[\"CVE-2026-0001\"],\"cwe-id\":[\"cwe-89\"]}},\"type\":\"http\","
        + "\"matched-at\":\"https://a.example/search?q=1%27\",\"request\":\"GET /search?q=1%27 HTTP/1.1\\r\\n"
        + "Host: a.example\\r\\n\\r\\n\"}\n";

    List<Triage> verdicts = triage(line + line, null);

    assertThat(verdicts).hasSize(2).allSatisfy(v -> {
      assertThat(v.vulnClass().label()).isEqualTo("sqli");
      assertThat(v.finding().cve()).isEqualTo("CVE-2026-0001");
      assertThat(v.location().path()).isEqualTo("/search");
    });
  }

  @Test
  void malformedJsonLineNamesTheLine() {
    String report = "{\"template-id\":\"a\",\"info\":{\"severity\":\"info\"},\"type\":\"http\"}\n{\"template-id\": oops\n";
    assertThatThrownBy(() -> triage(report, ReportFormat.NUCLEI))
        .isInstanceOf(ReportFormatException.class)
        .hasMessageStartingWith("report:2:");
  }

  @Test
  void unknownJsonAndWrongDeclaredFormatAreRefused() {
    assertThatThrownBy(() -> triage("{\"hello\": 1}", null)).hasMessageContaining("unknown JSON report");
    assertThatThrownBy(() -> triage("<issues></issues>", ReportFormat.ARACHNI)).hasMessageContaining("XML reports");
    assertThatThrownBy(() -> triage("<foo/>", ReportFormat.ZAP)).hasMessageContaining("expected <OWASPZAPReport>");
  }

  @Test
  void parameterLocatorFindsCookieHeaderJsonAndMultipart() {
    var json = new dev.vpatch.store.model.PocRequest("POST", "/api", "Content-Type: application/json", "{\"id\":\"1'\"}");
    var cookie = new dev.vpatch.store.model.PocRequest("GET", "/", "Cookie: a=1; sess=x'", "");
    var multipart = new dev.vpatch.store.model.PocRequest("POST", "/up", "Content-Type: multipart/form-data; boundary=b",
        "--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nx\r\n--b--");
    assertThat(ParameterLocator.where(json, "id")).isEqualTo(ParamWhere.JSON);
    assertThat(ParameterLocator.where(cookie, "sess")).isEqualTo(ParamWhere.COOKIE);
    assertThat(ParameterLocator.where(multipart, "file")).isEqualTo(ParamWhere.BODY);
    assertThat(ParameterLocator.where(cookie, "missing")).isNull();
  }
}
