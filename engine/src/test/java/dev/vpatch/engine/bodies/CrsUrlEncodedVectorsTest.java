package dev.vpatch.engine.bodies;

import java.io.IOException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every urlencoded body in the CRS regression tests, compared with the ARGS_POST libmodsecurity
 * 3.0.9 extracted from it ({@code crs-urlencoded-oracle.jsonl}).
 */
class CrsUrlEncodedVectorsTest {
  @TestFactory
  Stream<DynamicTest> crsUrlEncodedBodiesMatchModSecurity() throws IOException {
    return CrsBodyVectors.checkAgainstRecording(
        getClass(),
        "crs-urlencoded-oracle.jsonl",
        "x-www-form-urlencoded",
        ct -> ct.contains("application/x-www-form-urlencoded"),
        CrsUrlEncodedVectorsTest::check);
  }

  private static void check(CrsBodyVectors.Vector vector, Map<String, Object> expected) {
    RecordingSink sink = new RecordingSink();
    byte[] body = vector.bytes();
    new UrlEncodedProcessor().process(body, body.length, new BodyContext(vector.contentType(), '&', 5000, 512), sink);
    OracleRecords.assertSameValues(sink.arguments, expected, "arguments");
  }
}
