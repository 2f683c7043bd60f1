package dev.vpatch.engine.bodies.xml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.bodies.BodyContext;
import dev.vpatch.engine.bodies.CrsBodyVectors;
import dev.vpatch.engine.bodies.OracleRecords;
import dev.vpatch.engine.bodies.RecordingSink;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every XML body in the CRS regression tests, compared with libmodsecurity 3.0.9's {@code XML:/*}
 * and {@code XML://@*} values and error ({@code crs-xml-oracle.jsonl}). Attribute values are
 * compared in any order: the JDK's DOM keeps an element's attributes sorted by name.
 */
class CrsXmlVectorsTest {
  private static final Pattern XML_TYPE = Pattern.compile("^(?:application(?:/soap\\+|/)|text/)xml");
  private static final XmlPathValues ALL_TEXT = XmlPathValues.compile("/*");
  private static final XmlPathValues ALL_ATTRIBUTES = XmlPathValues.compile("//@*");

  @TestFactory
  Stream<DynamicTest> crsXmlBodiesMatchModSecurity() throws IOException {
    return CrsBodyVectors.checkAgainstRecording(
        getClass(), "crs-xml-oracle.jsonl", "xml", ct -> XML_TYPE.matcher(ct).find(), CrsXmlVectorsTest::check);
  }

  private static void check(CrsBodyVectors.Vector vector, Map<String, Object> expected) {
    RecordingSink sink = new RecordingSink();
    byte[] body = vector.bytes();
    new XmlProcessor().process(body, body.length, BodyContext.defaults(vector.contentType()), sink);
    assertThat(sink.errors.isEmpty() ? null : sink.errors.get(0)).isEqualTo(expected.get("error"));
    if (expected.get("error") == null) {
      OracleRecords.assertSameValues(ALL_TEXT.evaluate(sink.document), expected, "text");
      OracleRecords.assertSameValues(ALL_ATTRIBUTES.evaluate(sink.document), expected, "attributes");
    }
  }
}
