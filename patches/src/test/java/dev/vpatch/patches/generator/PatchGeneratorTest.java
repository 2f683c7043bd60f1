package dev.vpatch.patches.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpatch.store.model.Location;
import dev.vpatch.store.model.ParamWhere;
import dev.vpatch.store.model.PatchMode;
import dev.vpatch.store.model.PatchModel;
import dev.vpatch.store.model.PocRequest;
import dev.vpatch.store.model.Vulnerability;
import dev.vpatch.patches.PatchExport;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatchGeneratorTest {
  private final PatchGenerator generator = new PatchGenerator();

  static Vulnerability reqId() {
    return Vulnerability.builder().id("VP-2026-0001").title("SQLi in reqID").vulnClass("sqli")
        .location(new Location("GET", "/App/View.php", "reqID", ParamWhere.QUERY))
        .pocs(List.of(new PocRequest("GET", "/App/View.php?reqID=1%27%20or%20%271%27%3D%271", "", "")))
        .build();
  }

  @Test
  void positivePatchFollowsTheGuidesReqIdExample() {
    GeneratedPatch patch = generator.generate(reqId(), 7, 10_000_070L,
        new GenerateOptions(InputShapes.parse("integer:1-99999"), List.of(), false, false));

    assertThat(patch.model()).isEqualTo(PatchModel.POSITIVE);
    assertThat(patch.ruleIds()).containsExactly(10_000_070L, 10_000_071L, 10_000_072L, 10_000_073L);
    assertThat(patch.seclang())
        .contains("SecRule REQUEST_FILENAME \"@contains /app/view.php\"")
        .contains("t:none,t:utf8toUnicode,t:urlDecodeUni,t:normalizePathWin,t:lowercase")
        .contains("SecRule &ARGS:/^(?:json(?:\\.[^.]+)*\\.)?reqID(?:\\[[^\\]]*\\])?$/ \"!@eq 1\"")
        .contains("\"!@rx ^[0-9]{1,5}$\"")
        .contains("\"@gt 99999\"").contains("\"@lt 1\"")
        .contains("id:10000070,phase:2,deny,status:403,tag:'vpatch/mode/blocking'")
        .contains("tag:'vpatch/vuln/VP-2026-0001',tag:'vpatch/patch/7'")
        .doesNotContain("or '1'='1");
    assertThat(patch.title()).isEqualTo("positive: 'reqID' must be an integer 1-99999 at /App/View.php");
  }

  @Test
  void negativePatchUsesClassDetectionInEveryPlaceTheParameterArrives() {
    Vulnerability v = reqId().toBuilder().location(new Location("POST", "/bodgeit/basket.jsp", "productid",
        ParamWhere.BODY)).pocs(List.of(new PocRequest("POST", "/bodgeit/basket.jsp",
        "Content-Type: application/x-www-form-urlencoded", "productid=1%27+UNION+SELECT+1--"))).build();

    GeneratedPatch patch = generator.generate(v, 1, 10_000_000L, GenerateOptions.AUTOMATIC);

    assertThat(patch.model()).isEqualTo(PatchModel.NEGATIVE);
    boolean libinjection = dev.vpatch.engine.operators.Operators.lookup("detectSQLi") != null;
    assertThat(patch.seclang().contains("@detectSQLi")).isEqualTo(libinjection);
    assertThat(patch.seclang()).contains("@rx (?i)(?:\\bunion\\b")
        .contains("ARGS:/^(?:json(?:\\.[^.]+)*\\.)?productid(?:\\[[^\\]]*\\])?$/|REQUEST_COOKIES:/^productid$/")
        .doesNotContain("UNION SELECT 1");
    assertThat(patch.ruleIds()).hasSize(libinjection ? 2 : 1).startsWith(10_000_000L);
  }

  @Test
  void bareQuoteProbesYieldAStringContextRuleOrANumericShape() {
    Vulnerability text = reqId().toBuilder().location(new Location("POST", "/login", "username", ParamWhere.BODY))
        .pocs(List.of(new PocRequest("POST", "/login", "", "username=test1%27&password=x"))).build();
    assertThat(generator.generate(text, 1, 10_000_000L, GenerateOptions.AUTOMATIC).seclang())
        .contains("\"@rx ['\\x22`]\"");
    Vulnerability number = reqId().toBuilder().location(new Location("GET", "/basket", "b_id", ParamWhere.COOKIE))
        .pocs(List.of(new PocRequest("GET", "/basket", "Cookie: b_id=95'", ""))).build();
    GeneratedPatch numeric = generator.generate(number, 1, 10_000_000L, GenerateOptions.AUTOMATIC);
    assertThat(numeric.model()).isEqualTo(PatchModel.POSITIVE);
    assertThat(numeric.seclang()).contains("&REQUEST_COOKIES:/^b_id$/ \"@gt 1\"");
  }

  @Test
  void arithmeticSqlProbeRevealsANumericParameterAndYieldsAPositivePatch() {
    Vulnerability v = reqId().toBuilder().location(new Location("POST", "/bodgeit/basket.jsp", "productid",
        ParamWhere.BODY)).pocs(List.of(new PocRequest("POST", "/bodgeit/basket.jsp", "", "productid=23-2"))).build();

    GeneratedPatch patch = generator.generate(v, 1, 10_000_000L, GenerateOptions.AUTOMATIC);

    assertThat(patch.model()).isEqualTo(PatchModel.POSITIVE);
    assertThat(patch.seclang()).contains("!@rx ^[0-9]{1,9}$");
  }

  @Test
  void testsCoverPocEvasionsAndBenignValues() {
    GeneratedPatch patch = generator.generate(reqId(), 7, 10_000_070L,
        new GenerateOptions(null, List.of("12", "4711", "99"), false, false));

    assertThat(patch.testsYaml())
        .startsWith("---\nmeta:\n")
        .contains("rule_id: 10000070")
        .contains("blocked: PoC 1 as reported")
        .contains("uri: \"/App/View.php?reqID=1%27%20or%20%271%27%3D%271\"")
        .contains("attack double URL-encoded").contains("%2531%2527")
        .contains("attack %u-encoded").contains("%u0027")
        .contains("attack with a NUL byte first").contains("reqID=%001")
        .contains("parameter pollution").contains("reqID=0&reqID=1")
        .contains("attack moved to a JSON body").contains("data: \"{\\\"reqID\\\": \\\"1' or '1'='1\\\"}\"")
        .contains("attack moved to a multipart body").contains("multipart/form-data; boundary=")
        .contains("path trick /App/./View.php").contains("path trick //App//View.php")
        .contains("path trick /App/View.php;vpatch=1").contains("status: [403, 400]")
        .contains("passes: benign value 1 passes")
        .contains("no_expect_ids: [10000070, 10000071, 10000072, 10000073]");
  }

  @Test
  void shapesAreInferredFromSamples() {
    assertThat(InputShapes.infer(List.of("12", "4711")).spec()).isEqualTo("integer:0-9999");
    assertThat(InputShapes.infer(List.of("3f2504e0-4f89-11d3-9a0c-0305e82c3301")).spec()).isEqualTo("uuid");
    assertThat(InputShapes.infer(List.of("2026-01-02", "1999-12-31")).spec()).isEqualTo("date");
    assertThat(InputShapes.infer(List.of("a@b.example")).spec()).isEqualTo("email");
    assertThat(InputShapes.infer(List.of("asc", "desc", "asc", "desc")).spec()).isEqualTo("enum:asc,desc");
    assertThat(InputShapes.infer(List.of("John Smith", "Ann-Marie")).spec()).isEqualTo("charset:alpha+space+-:1-20");
    assertThatThrownBy(() -> InputShapes.infer(List.of("<b>"))).hasMessageContaining("'<'");
    assertThatThrownBy(() -> InputShapes.infer(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shapeSpecsRoundTrip() {
    for (String spec : List.of("integer:-5-10", "uuid", "date", "email", "enum:a,b c", "charset:alpha+digit+_-:1-32")) {
      assertThat(InputShapes.parse(spec).spec()).isEqualTo(spec);
    }
    assertThatThrownBy(() -> InputShapes.parse("ipv6")).hasMessageContaining("unknown input shape");
  }

  @Test
  void positivePatchNeedsANamedParameter() {
    Vulnerability header = reqId().toBuilder().location(new Location("GET", "/", "X-Forwarded-For", ParamWhere.HEADER))
        .build();
    assertThatThrownBy(() -> generator.generate(header, 1, 10_000_000L,
        new GenerateOptions(PatternShape.UUID, List.of(), false, false))).hasMessageContaining("use a negative patch");
    assertThat(generator.generate(header, 1, 10_000_000L, GenerateOptions.AUTOMATIC).seclang())
        .contains("REQUEST_HEADERS:X-Forwarded-For");
  }

  @Test
  void logOnlyExportNeverDisrupts() {
    GeneratedPatch patch = generator.generate(reqId(), 7, 10_000_070L, GenerateOptions.AUTOMATIC);
    String logOnly = PatchExport.forMode(patch.seclang(), PatchMode.LOG_ONLY);
    assertThat(logOnly).doesNotContain("deny").doesNotContain("status:403").contains("pass,tag:'vpatch/mode/log-only'");
    assertThat(PatchExport.forMode(patch.seclang(), PatchMode.BLOCKING)).isEqualTo(patch.seclang());
  }

  @Test
  void ruleIdRangeRejectsCrsOverlapAndTinyRanges() {
    assertThatThrownBy(() -> RuleIdRange.parse("950000-960000")).hasMessageContaining("CRS");
    assertThatThrownBy(() -> RuleIdRange.parse("5-6")).hasMessageContaining("at least");
    assertThatThrownBy(() -> RuleIdRange.parse("abc")).hasMessageContaining("FIRST-LAST");
    assertThat(RuleIdRange.parse("20000-29999").first()).isEqualTo(20000);
  }
}
