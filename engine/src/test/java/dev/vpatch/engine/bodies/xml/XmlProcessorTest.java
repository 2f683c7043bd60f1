package dev.vpatch.engine.bodies.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpatch.engine.bodies.BodyContext;
import dev.vpatch.engine.bodies.RecordingSink;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values were checked against libmodsecurity 3.0.9 (the oracle). */
class XmlProcessorTest {
  private static final XmlPathValues ALL_TEXT = XmlPathValues.compile("/*");
  private static final XmlPathValues ALL_ATTRIBUTES = XmlPathValues.compile("//@*");

  private static RecordingSink run(String body) {
    RecordingSink sink = new RecordingSink();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    new XmlProcessor().process(bytes, bytes.length, BodyContext.defaults("text/xml"), sink);
    return sink;
  }

  @Test
  void textAndAttributeValuesOfADocument() {
    RecordingSink sink = run("<?xml version=\"1.0\"?><r a=\"1\" b=\"2\"><c d=\"3\">hello <e>world</e></c><f>x</f></r>");
    assertThat(sink.errors).isEmpty();
    assertThat(ALL_TEXT.evaluate(sink.document)).containsExactly("hello worldx");
    assertThat(ALL_ATTRIBUTES.evaluate(sink.document)).containsExactly("1", "2", "3");
  }

  @Test
  void arbitraryExpressionsAndNamespaces() {
    RecordingSink sink = run("<r xmlns:s=\"urn:s\"><s:a>1</s:a><a>2</a><a>3</a></r>");
    assertThat(XmlPathValues.compile("//a").evaluate(sink.document)).containsExactly("2", "3");
    assertThat(XmlPathValues.compile("//x:a", Map.of("x", "urn:s")).evaluate(sink.document)).containsExactly("1");
    assertThat(XmlPathValues.compile("count(//a)").evaluate(sink.document)).isEmpty();
    assertThat(XmlPathValues.compile("//nothing").evaluate(sink.document)).isEmpty();
    assertThat(ALL_TEXT.evaluate(null)).isEmpty();
  }

  @Test
  void invalidExpressionsAreRejectedWhenCompiled() {
    assertThatThrownBy(() -> XmlPathValues.compile("//[")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("//[");
  }

  @Test
  void valuesAreUtf8ByteStrings() {
    RecordingSink sink = run("<r>\u00e9</r>");
    assertThat(ALL_TEXT.evaluate(sink.document)).containsExactly("\u00c3\u00a9");
  }

  @Test
  void malformedEmptyAndTrailingContentAreErrors() {
    for (String body : new String[] {"", "<r><c></r>", "<r>1</r>junk", "not xml", "<r>\0</r>"}) {
      RecordingSink sink = run(body);
      assertThat(sink.errors).as(body).containsExactly("XML parsing error: XML: Failed parsing document.");
      assertThat(sink.document).isNull();
    }
  }

  @Test
  void internalEntitiesAreExpanded() {
    RecordingSink sink = run("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x \"ENT\">]><r>a&x;b</r>");
    assertThat(sink.errors).isEmpty();
    assertThat(ALL_TEXT.evaluate(sink.document)).containsExactly("aENTb");
  }

  @Test
  void externalEntitiesAreNeverLoaded(@TempDir Path dir) throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "SECRET");
    RecordingSink sink = run("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]><r>a&x;b</r>");
    assertThat(sink.errors).isEmpty();
    assertThat(ALL_TEXT.evaluate(sink.document)).containsExactly("ab");
  }

  @Test
  void noNetworkAccessForDtdsOrParameterEntities() throws IOException {
    AtomicInteger connections = new AtomicInteger();
    try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        try (Socket socket = server.accept()) {
          connections.incrementAndGet();
        } catch (IOException ignored) {
          // closed at the end of the test
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      String url = "http://127.0.0.1:" + server.getLocalPort() + "/x.dtd";
      run("<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM \"" + url + "\"><r>1</r>");
      run("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY % p SYSTEM \"" + url + "\"> %p;]><r>1</r>");
      run("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM \"" + url + "\">]><r>&e;</r>");
    }
    assertThat(connections.get()).isZero();
  }

  @Test
  void entityExpansionBombsAreStopped() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE r [<!ENTITY e0 \"lollollollollollollollollollol\">");
    for (int i = 1; i < 10; i++) {
      dtd.append("<!ENTITY e").append(i).append(" \"").append(("&e" + (i - 1) + ";").repeat(10)).append("\">");
    }
    dtd.append("]>");
    RecordingSink sink = run(dtd + "<r>&e9;</r>");
    assertThat(sink.errors).hasSize(1);
  }

  @Test
  void deepNestingParses() {
    String body = "<a>".repeat(2000) + "x" + "</a>".repeat(2000);
    assertThat(ALL_TEXT.evaluate(run(body).document)).containsExactly("x");
  }
}
