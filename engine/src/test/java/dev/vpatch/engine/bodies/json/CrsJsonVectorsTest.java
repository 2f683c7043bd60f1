package dev.vpatch.engine.bodies.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpatch.engine.bodies.BodyContext;
import dev.vpatch.engine.bodies.CrsBodyVectors;
import dev.vpatch.engine.bodies.OracleRecords;
import dev.vpatch.engine.bodies.RecordingSink;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every JSON body in the CRS regression tests, compared with the ARGS libmodsecurity 3.0.9
 * extracted from it ({@code crs-json-oracle.jsonl}). Error texts differ (YAJL's versus Jackson's),
 * so only whether there was an error is compared.
 */
class CrsJsonVectorsTest {
  @TestFactory
  Stream<DynamicTest> crsJsonBodiesMatchModSecurity() throws IOException {
    return CrsBodyVectors.checkAgainstRecording(
        getClass(), "crs-json-oracle.jsonl", "json", ct -> ct.startsWith("application/json"), CrsJsonVectorsTest::check);
  }

  private static void check(CrsBodyVectors.Vector vector, Map<String, Object> expected) {
    RecordingSink sink = new RecordingSink();
    byte[] body = vector.bytes();
    new JsonProcessor().process(body, body.length, new BodyContext(vector.contentType(), '&', 5000, 512), sink);
    OracleRecords.assertSameValues(sink.arguments, expected, "arguments");
    assertThat(sink.errors.isEmpty()).isEqualTo(expected.get("error") == null);
  }
}
