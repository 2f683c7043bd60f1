package dev.vpatch.ftw.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.ftw.model.HeaderField;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpRequestParserTest {
  @Test
  void readsRequestLineHeadersAndLengthDelimitedBody() {
    ParseResult.Complete result = complete(
        "POST /a?b=c HTTP/1.1\r\nHost: x\r\nX-Empty:\r\nX-Pad: \t v \t\r\nContent-Length: 3\r\n\r\nabcNEXT");

    ParsedRequest request = result.request();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.target()).isEqualTo("/a?b=c");
    assertThat(request.path()).isEqualTo("/a");
    assertThat(request.version()).isEqualTo("HTTP/1.1");
    assertThat(request.headers()).containsExactly(new HeaderField("Host", "x"), new HeaderField("X-Empty", ""),
        new HeaderField("X-Pad", "v"), new HeaderField("Content-Length", "3"));
    assertThat(request.body()).isEqualTo("abc".getBytes(StandardCharsets.US_ASCII));
    assertThat(result.consumed()).isEqualTo(result.consumed()).isEqualTo(
        "POST /a?b=c HTTP/1.1\r\nHost: x\r\nX-Empty:\r\nX-Pad: \t v \t\r\nContent-Length: 3\r\n\r\nabc".length());
  }

  @Test
  void decodesChunkedBodiesWithExtensionsAndTrailers() {
    ParsedRequest request = complete(
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n3;x=y\r\nHi \r\n3\r\nCRS\r\n0\r\nT: 1\r\n\r\n").request();

    assertThat(new String(request.body(), StandardCharsets.US_ASCII)).isEqualTo("Hi CRS");
    assertThat(request.chunked()).isTrue();
  }

  @Test
  void letsChunkedFramingWinOverContentLengthAndDropsIt() {
    ParsedRequest request = complete(
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 7\r\nTransfer-Encoding: chunked\r\n\r\n7\r\nfoo=bar\r\n0\r\n\r\n").request();

    assertThat(new String(request.body(), StandardCharsets.US_ASCII)).isEqualTo("foo=bar");
    assertThat(request.header("Content-Length")).isNull();
    assertThat(request.header("Transfer-Encoding")).isEqualTo("chunked");
  }

  @Test
  void acceptsBareLfLineEndsHighBytesAndLeadingEmptyLines() {
    byte[] raw = "\r\nGET /\u00e9 HTTP/1.0\nX: \u00ff\u0001\n\n".getBytes(StandardCharsets.ISO_8859_1);

    ParsedRequest request = ((ParseResult.Complete) HttpRequestParser.parse(raw)).request();

    assertThat(request.target()).isEqualTo("/\u00e9");
    assertThat(request.header("x")).isEqualTo("\u00ff\u0001");
  }

  @Test
  void treatsRequestLineWithoutVersionAsHttp09() {
    assertThat(complete("GET / \r\nHost: x\r\n\r\n").request().isSimpleRequest()).isTrue();
    assertThat(complete("GET /\r\n").request().version()).isEqualTo("HTTP/0.9");
    assertThat(rejected("POST /\r\n").status()).isEqualTo(400);
  }

  @Test
  void acceptsTheFourTargetForms() {
    assertThat(complete("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n").request().target()).isEqualTo("*");
    assertThat(complete("CONNECT 1.2.3.4:80 HTTP/1.1\r\nHost: x\r\n\r\n").request().target()).isEqualTo("1.2.3.4:80");
    assertThat(complete("GET http://a/b HTTP/1.1\r\nHost: x\r\n\r\n").request().target()).isEqualTo("http://a/b");
  }

  @Test
  void acceptsHostlessHttp10AndUnknownHigherVersions() {
    assertThat(complete("GET / HTTP/1.0\r\nHost:\r\n\r\n").request().header("Host")).isEmpty();
    assertThat(complete("GET / HTTP/1.0\r\n\r\n").request().headers()).isEmpty();
    assertThat(complete("GET / HTTP/4.0\r\nHost: x\r\n\r\n").request().version()).isEqualTo("HTTP/4.0");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "     GET /get HTTP/1.1\r\nHost: x\r\n\r\n",
    "\tGET /get HTTP/1.1\r\nHost: x\r\n\r\n",
    "GET \\ HTTP/1.1\r\nHost: x\r\n\r\n",
    "GET \\index.html HTTP\\1.0\r\nHost: x\r\n\r\n",
    "GET /a b HTTP/1.1\r\nHost: x\r\n\r\n",
    "GET /#fragment HTTP/1.1\r\nHost: x\r\n\r\n",
    "GET /a  HTTP/1.1\r\nHost: x\r\n\r\n",
    "GET / HTTP/1.1 \r\nHost: x\r\n\r\n",
    "GET /\0 HTTP/1.1\r\nHost: x\r\n\r\n",
    "GET / HTTP/0.9\r\nHost: x\r\n\r\n",
    "GET / HTTP/0.8\r\nHost: x\r\n\r\n",
    "GET / 1.1\r\nHost: x\r\n\r\n",
    "GET / TEST\r\nHost: x\r\n\r\n",
    "GET / JUNK/1.0\r\nHost: x\r\n\r\n",
    "GET / HTTP/1.10\r\nHost: x\r\n\r\n",
    "CONNECT www.coreruleset.org HTTP/1.1\r\nHost: x\r\n\r\n",
    "GET 1.2.3.4:80 HTTP/1.1\r\nHost: x\r\n\r\n",
    "GET * HTTP/1.1\r\nHost: x\r\n\r\n",
    "G(T / HTTP/1.1\r\nHost: x\r\n\r\n",
    "GET / HTTP/1.1\r\n\r\n",
    "GET / HTTP/1.1\r\nHost:\r\n\r\n",
    "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
    "GET / HTTP/1.1\r\nHost: a/b\r\n\r\n",
    "GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n",
    "GET / HTTP/1.1\r\nHost: x\r\nNo colon\r\n\r\n",
    "GET / HTTP/1.1\r\nHost: x\r\nBad Name: v\r\n\r\n",
    "GET / HTTP/1.1\r\nHost: x\r\n: v\r\n\r\n",
    "GET / HTTP/1.1\r\nHost: x\r\nX: a\0b\r\n\r\n",
    "GET / HTTP/1.1\r\nHost: x\r\nX: a\rb\r\n\r\n",
    "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: NotDigits\r\n\r\n",
    "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 123x\r\n\r\n",
    "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 3;\r\n\r\nabc",
    "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
    "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\na",
    "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcd\r\n0\r\n\r\n",
    "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n\r\n",
  })
  void rejectsMalformedRequestsWith400(String raw) {
    assertThat(rejected(raw).status()).isEqualTo(400);
  }

  @Test
  void rejectsUnknownTransferCodingsWith501AndHugeBodiesWith413() {
    assertThat(rejected("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n").status()).isEqualTo(501);
    assertThat(rejected("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n").status()).isEqualTo(501);
    assertThat(rejected("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999999\r\n\r\n").status()).isEqualTo(413);
  }

  @Test
  void rejectsOverlongLines() {
    assertThat(rejected("GET /" + "a".repeat(9000) + " HTTP/1.1\r\n\r\n").status()).isEqualTo(414);
    assertThat(rejected("GET / HTTP/1.1\r\nHost: x\r\nX: " + "a".repeat(9000) + "\r\n\r\n").status()).isEqualTo(400);
    assertThat(rejected("GET / HTTP/1.1\r\nHost: x\r\n" + "X: y\r\n".repeat(101) + "\r\n").status()).isEqualTo(400);
  }

  @Test
  void reportsMissingBytesWithTheHeadWhenOnlyTheBodyIsMissing() {
    ParseResult.Incomplete body = (ParseResult.Incomplete) parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc");
    ParseResult.Incomplete head = (ParseResult.Incomplete) parse("GET / HTTP/1.1\r\nHost: x\r\n");
    ParseResult.Incomplete chunk = (ParseResult.Incomplete) parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab");

    assertThat(body.head()).isNotNull();
    assertThat(body.totalBytesNeeded()).isEqualTo("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n".length() + 10);
    assertThat(head.head()).isNull();
    assertThat(chunk.head().method()).isEqualTo("POST");
    assertThat(parse("")).isInstanceOf(ParseResult.Incomplete.class);
  }

  private static ParseResult parse(String raw) {
    return HttpRequestParser.parse(raw.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static ParseResult.Complete complete(String raw) {
    ParseResult result = parse(raw);
    assertThat(result).isInstanceOf(ParseResult.Complete.class);
    return (ParseResult.Complete) result;
  }

  private static ParseResult.Rejected rejected(String raw) {
    ParseResult result = parse(raw);
    assertThat(result).isInstanceOf(ParseResult.Rejected.class);
    return (ParseResult.Rejected) result;
  }
}
