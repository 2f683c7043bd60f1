package dev.vpatch.patches.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.vpatch.patches.generator.GenerateOptions;
import dev.vpatch.patches.generator.InputShapes;
import dev.vpatch.patches.generator.PatchGenerator;
import dev.vpatch.store.model.ParamWhere;
import dev.vpatch.store.model.PocRequest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code patch test --target}: the same YAML sent over the wire, judged by status. */
class WireTargetTest {
  @Test
  void testsRunOverTheWireAgainstAServerThatBlocksLikeThePatch() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
      String raw = exchange.getRequestURI().getRawPath() + "?" + exchange.getRequestURI().getRawQuery() + body;
      boolean attack = raw.contains("%") || raw.contains("'");
      exchange.sendResponseHeaders(attack ? 403 : 200, -1);
      exchange.close();
    });
    server.start();
    try {
      var v = PatchTesterTest.vulnerability("sqli", "/app/view.php", "reqID", ParamWhere.QUERY,
          new PocRequest("GET", "/app/view.php?reqID=1%27", "", ""));
      var generated = new PatchGenerator().generate(v, 1, 10_000_000L,
          new GenerateOptions(InputShapes.parse("integer:1-99999"), List.of(), false, false));

      PatchTestRun run = PatchTester.run(PatchTesterTest.patch(generated),
          "http://127.0.0.1:" + server.getAddress().getPort());

      assertThat(run.failures()).isEmpty();
      assertThat(run.outcome().summary()).contains("0 failed (against http://127.0.0.1:");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void anUnreachableTargetFailsEveryTest() {
    var v = PatchTesterTest.vulnerability("xss", "/s", "q", ParamWhere.QUERY, new PocRequest("GET", "/s?q=%3Cscript%3E", "", ""));
    var generated = new PatchGenerator().generate(v, 1, 10_000_000L, GenerateOptions.AUTOMATIC);
    PatchTestRun run = PatchTester.run(PatchTesterTest.patch(generated), "http://127.0.0.1:1");
    assertThat(run.outcome().passed()).isFalse();
    assertThat(run.failures()).isNotEmpty();
  }
}
