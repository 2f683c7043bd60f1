package dev.vpatch.ftw.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.ftw.http.HttpRequestParser;
import dev.vpatch.ftw.http.ParseResult;
import dev.vpatch.ftw.http.ParsedRequest;
import dev.vpatch.ftw.model.HeaderField;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AlbedoTest {
  private final Albedo albedo = new Albedo(Clock.fixed(Instant.parse("2026-11-25T22:00:00Z"), ZoneOffset.UTC));

  @Test
  void answersAnyRequestWithEmpty200() {
    BackendResponse response = albedo.respond(request("GET /anything?x=1 HTTP/1.1\r\nHost: x\r\n\r\n"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers()).containsExactly(
        new HeaderField("Date", "Wed, 25 Nov 2026 22:00:00 GMT"), new HeaderField("Content-Length", "0"));
  }

  @Test
  void reflectsStatusHeadersAndBody() {
    BackendResponse response = albedo.respond(post("/reflect",
        "{\"status\": 302, \"headers\": {\"Location\": \"/x\", \"X-A\": \"é\"}, \"body\": \"<html><b>hi</b></html>\"}"));

    assertThat(response.status()).isEqualTo(302);
    assertThat(response.header("Location")).isEqualTo("/x");
    assertThat(response.header("X-A")).isEqualTo("\u00c3\u00a9");
    assertThat(response.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
    assertThat(response.header("Content-Length")).isEqualTo("22");
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("<html><b>hi</b></html>");
  }

  @Test
  void defaultsTo200AndSniffsPlainText() {
    BackendResponse response = albedo.respond(post("/reflect/sub", "{\"BODY\": \"SQL syntax error near\"}"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
  }

  @Test
  void decodesEncodedBodyAndKeepsGivenContentType() {
    BackendResponse response = albedo.respond(post("/reflect",
        "{\"headers\": {\"Content-Type\": \"application/json\"}, \"encodedBody\": \"AAEC\"}"));

    assertThat(response.body()).containsExactly(0, 1, 2);
    assertThat(response.header("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void sniffsBinaryAndXmlBodies() {
    assertThat(albedo.respond(post("/reflect", "{\"encodedBody\": \"AAEC\"}")).header("Content-Type"))
        .isEqualTo("application/octet-stream");
    assertThat(albedo.respond(post("/reflect", "{\"body\": \"  <?xml version='1.0'?><a/>\"}")).header("Content-Type"))
        .isEqualTo("text/xml; charset=utf-8");
  }

  @Test
  void rejectsInvalidSpecsWith400() {
    assertThat(text(albedo.respond(post("/reflect", "not json")))).isEqualTo("Invalid JSON in request body");
    assertThat(albedo.respond(post("/reflect", "")).status()).isEqualTo(400);
    assertThat(albedo.respond(post("/reflect", "{\"status\": \"200\"}")).status()).isEqualTo(400);
    assertThat(albedo.respond(post("/reflect", "{} {}")).status()).isEqualTo(400);
    BackendResponse badStatus = albedo.respond(post("/reflect", "{\"status\": 99}"));
    assertThat(badStatus.status()).isEqualTo(400);
    assertThat(text(badStatus)).isEqualTo("Invalid status code: 99");
    assertThat(albedo.respond(post("/reflect", "{\"status\": 600}")).status()).isEqualTo(400);
  }

  @Test
  void dropsInvalidHeadersAndHasNoBodyFor204() {
    BackendResponse response = albedo.respond(post("/reflect",
        "{\"status\": 204, \"headers\": {\"Bad Name\": \"x\", \"X-Split\": \"a\\r\\nb\", \"Ok\": \"1\"}, \"body\": \"x\"}"));

    assertThat(response.status()).isEqualTo(204);
    assertThat(response.headers()).extracting(HeaderField::name).containsExactly("Ok", "Date");
    assertThat(response.body()).isEmpty();
  }

  @Test
  void reflectsOnlyPostAndOnlyBelowReflect() {
    assertThat(albedo.respond(request("GET /reflect HTTP/1.1\r\nHost: x\r\n\r\n")).status()).isEqualTo(200);
    assertThat(albedo.respond(post("/reflected", "{\"status\": 500}")).status()).isEqualTo(200);
    assertThat(albedo.respond(post("http://localhost/reflect", "{\"status\": 500}")).status()).isEqualTo(500);
  }

  @Test
  void writesTheWireForm() {
    BackendResponse response = new BackendResponse(404, java.util.List.of(new HeaderField("A", "b")), new byte[] {'x'});

    assertThat(new String(response.toBytes(), StandardCharsets.ISO_8859_1))
        .isEqualTo("HTTP/1.1 404 Not Found\r\nA: b\r\n\r\nx");
  }

  private static String text(BackendResponse response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  private static ParsedRequest post(String target, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return request("POST " + target + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
        + body.length + "\r\n\r\n" + new String(body, StandardCharsets.ISO_8859_1));
  }

  private static ParsedRequest request(String raw) {
    return ((ParseResult.Complete) HttpRequestParser.parse(raw.getBytes(StandardCharsets.ISO_8859_1))).request();
  }
}
